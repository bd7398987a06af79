"""The person's data taken out and brought back: exports, imports that merge, daily
backups and a calendar file. Loaded only by the commands and the palette entry that
use it, so start-up and `nctui status` never pay for it."""

"""Encryption at rest: the sealed file format, version 1.

A sealed file holds one payload (the data file's JSON, a backup, the unsaved-changes
file...) encrypted and authenticated under a key made from the person's passphrase.

Modules: `sealed_file` (the API: new_params, derive, new_key, key_for, seal, unseal),
`header` (layout, is_sealed, read_header; standard library only), `kdf` (passphrase to
keys), `cost` (key function settings, defaults and limits), `errors`. The passphrase
rules (NFC, white space at the ends dropped) are in nctui.domain.passphrase.

Layout (integers big-endian; offsets in bytes; S is the salt length):

    offset  size  field
    0       8     magic: 89 53 45 41 4C 45 44 0A  ("\\x89SEALED\\n")
    8       1     format version: 1
    9       2     header length H, from offset 0, checksum included (94 when S = 16)
    11      1     cipher id: 1 = ChaCha20-Poly1305 (RFC 8439)
    12      1     key function id: 1 = scrypt (RFC 7914), 2 = Argon2id (RFC 9106)
    13      4     setting 1: scrypt n          | Argon2id memory in KiB
    17      4     setting 2: scrypt r          | Argon2id passes
    21      4     setting 3: scrypt p          | Argon2id lanes
    25      1     salt length S, 16 to 64 (nctui writes 16 random bytes)
    26      S     salt
    26+S    32    key check
    58+S    12    nonce, random for every write
    70+S    8     header checksum: SHA-256 of bytes 0 to 70+S, first 8 bytes
    78+S    ...   payload encrypted with ChaCha20-Poly1305, its 16-byte tag at the end;
                  the associated data is the whole header (bytes 0 to H)

Every later version keeps the first three fields and ends its header with the same
checksum, so any nctui can tell a damaged header from a newer one.

Keys: the passphrase (normalised, UTF-8) is stretched by the named key function with
the salt into 32 bytes; HKDF-Expand-SHA256 turns those into the payload key (label
"sealed data file v1: payload key, cipher 1") and the key check (label "sealed data
file v1: key check"). The key check is stored as is.

Reading, in order, with nothing slow before the last steps:
1. the magic (bytes without it are not a sealed file at all), then the header length and
   checksum: a mismatch or a header cut short is damage (DamagedFile);
2. version, cipher, key function, salt length and settings: anything unknown or beyond
   the limits in `cost` is refused (UnreadableHeader), so a header never makes nctui
   hang or take gigabytes;
3. the key is derived and compared with the key check: a different value means the
   wrong passphrase (WrongPassphrase), and the file is left as it is;
4. the payload's tag is checked: with the right key, a failure means the file was
   changed or cut short (DamagedFile).
A header changed by accident fails its checksum, so it is never taken for a wrong
passphrase. Someone who edits the salt, settings or key check on purpose and writes a
new checksum makes the right passphrase look wrong: that only keeps the file shut, and
nothing is written or moved on a wrong passphrase.

Choices:
- Neutral magic: it says the file is sealed data, not which program wrote it or what it
  holds, so a copy found in a synced folder or a backup tells nothing more than its
  name does. It is no secret: nctui's source is public and the format is fingerprintable.
- ChaCha20-Poly1305 rather than AES-256-GCM: constant-time and fast in software on
  every processor (AES-GCM is only both with AES hardware, which older and small
  machines lack), with a 256-bit key always. At these sizes either costs under a
  millisecond per megabyte here.
- Random 96-bit nonces under one key: after a million saves the chance that two share
  a nonce is about one in 10^17; a new passphrase or re-encryption starts a new key.
- What is not hidden: the file's size (roughly how much has been written), when it
  changed, and the key settings.
"""

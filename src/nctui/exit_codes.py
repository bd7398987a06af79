"""What `nctui` exits with. A leaf module: the command line and its grammar both use it."""

EXIT_OK = 0
EXIT_UNSAVED = 1
"""Some changes could not be saved; they were kept in a file, which was named."""
EXIT_USAGE = 2
"""Bad arguments, or a data folder or file that cannot be used."""

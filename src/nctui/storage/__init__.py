"""Everything that touches the data file. The only package that imports TinyDB."""

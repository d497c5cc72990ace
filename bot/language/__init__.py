"""Plain English: the words we never use with the public, and how hard a text is to read."""

"""PDF and xlsx writers: plain data in, bytes or files out. No Qt, no sessions."""

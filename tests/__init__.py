"""clac test suite."""

//! Integration tests of finch live in `tests/`; this library is empty.

#![warn(missing_debug_implementations)]

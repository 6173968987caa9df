//! What the checks' reports share: one `FAIL` line per failure, then a summary line.

use std::fmt;

/// Writes `FAIL {failure}` on a line of its own for each failure.
pub(crate) fn write_failures<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    failures: &[T],
) -> fmt::Result {
    for failure in failures {
        writeln!(f, "FAIL {failure}")?;
    }
    Ok(())
}

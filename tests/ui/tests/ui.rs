//! Compile-fail cases (`fail/*.rs`, with the expected errors in `fail/*.stderr`) and cases that
//! must compile (`pass/*.rs`). Regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p finch-ui-tests --test ui`, then read every change.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/pass/*.rs");
    t.compile_fail("tests/fail/*.rs");
}

//! Properties over every response type finch declares: random values (made by the types' own
//! `Deserialize`, see `finch::testing::random_value`) survive encoding and decoding unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

/// Seeds tried per response type.
const SEEDS: u64 = 300;

#[test]
fn every_response_type_survives_encode_then_decode() {
    let mut failures = Vec::new();
    for operation in finch::operations() {
        let mut made = 0;
        for seed in 0..SEEDS {
            match operation.check_random_roundtrip(seed) {
                None => {}
                Some(Ok(())) => made += 1,
                Some(Err(error)) => failures.push(format!(
                    "{} {} seed {seed}: {error}",
                    operation.method, operation.path
                )),
            }
        }
        // A type no seed can make would make this test vacuous for it.
        if made < 10 {
            failures.push(format!(
                "{} {} ({}): only {made} of {SEEDS} seeds made a value",
                operation.method, operation.path, operation.response_type
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

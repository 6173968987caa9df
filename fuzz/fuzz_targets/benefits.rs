//! The response types of benefits, individual benefits, plans, plan enrollments and dependents, from arbitrary bytes: decoding never panics, and
//! what decodes encodes and decodes again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static OPERATIONS: LazyLock<Vec<finch_conformance::TypedOperation>> = LazyLock::new(|| {
    finch_conformance::typed_operations()
        .into_iter()
        .filter(|operation| {
            let path = operation.path;
            path.starts_with("/employer/benefits") || path.starts_with("/employer/plans")
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    for operation in OPERATIONS.iter() {
        if let Some(Err(error)) = operation.check_decoded_roundtrip(data) {
            panic!("{} {}: {error}", operation.method, operation.path);
        }
    }
});

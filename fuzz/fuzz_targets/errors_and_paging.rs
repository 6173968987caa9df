//! Error bodies, 202 bodies and directory pages from arbitrary bytes: never a panic, and what
//! decodes re-encodes to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = finch::core::FinchErrorBody::parse(data);
    let _ = finch::Accepted::parse(data, None);
    let _ = finch::core::ApiError::from_reply(http::StatusCode::BAD_GATEWAY, http::HeaderMap::new(), data.to_vec().into()).to_string();
    if let Ok(page) = finch::DecodeError::decode::<finch::hris::DirectoryPage>(data, http::StatusCode::OK, None) {
        let again = serde_json::to_vec(&page).expect("a decoded page encodes");
        let back: finch::hris::DirectoryPage = serde_json::from_slice(&again).expect("an encoded page decodes");
        assert_eq!(back, page);
    } else if let Err(error) = finch::DecodeError::decode::<finch::hris::DirectoryPage>(data, http::StatusCode::OK, None) {
        let _ = error.to_string();
    }
});

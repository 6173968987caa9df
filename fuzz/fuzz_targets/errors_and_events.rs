//! Error bodies, 202 bodies and webhook deliveries from arbitrary bytes: parsing, verifying and
//! formatting never panic; a decoded webhook event encodes and decodes to the same event.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = finch::core::FinchErrorBody::parse(data);
    let _ = finch::Accepted::parse(data, None).map(|accepted| accepted.to_string());
    let status = http::StatusCode::from_u16(400 + u16::from(data.first().copied().unwrap_or(0)) % 200)
        .unwrap_or(http::StatusCode::BAD_GATEWAY);
    let _ = finch::ApiError::from_reply(status, http::HeaderMap::new(), data.to_vec().into()).to_string();

    if let Ok(event) = serde_json::from_slice::<finch::webhooks::WebhookEvent>(data) {
        let encoded = serde_json::to_vec(&event).expect("a decoded event encodes");
        let again: finch::webhooks::WebhookEvent = serde_json::from_slice(&encoded).expect("an encoded event decodes");
        assert_eq!(again, event);
    }

    // A delivery: the first bytes are the headers' values, the rest the body.
    let mut parts = data.splitn(4, |byte| *byte == b'\n');
    let (id, timestamp, signature, body) = (parts.next(), parts.next(), parts.next(), parts.next().unwrap_or_default());
    let mut headers = http::HeaderMap::new();
    for (name, value) in [("finch-event-id", id), ("finch-timestamp", timestamp), ("finch-signature", signature)] {
        if let Some(value) = value.and_then(|value| http::HeaderValue::from_bytes(value).ok()) {
            headers.insert(name, value);
        }
    }
    let verifier = finch::webhooks::WebhookVerifier::new("c2VjcmV0LWtleS1mb3ItZnV6emluZw==").expect("a valid secret");
    let now = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    if let Err(error) = verifier.unwrap_at(body, &headers, now) {
        let _ = error.to_string();
    }
});

//! Webhooks: signature verification (valid, several signatures, v0 only, wrong secret, tampered
//! body, the ±5 minute boundary, missing headers, a bad secret) and the typed events of every
//! family, including an unknown event type.
//!
//! The signatures below are not computed by the code under test: they were derived with Python's
//! `hmac`/`hashlib` from the bodies, `EVENT_ID` and `TIMESTAMP`:
//! `base64(hmac.new(b64decode(SECRET), f"{EVENT_ID}.{TIMESTAMP}.{body}".encode(), sha256).digest())`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch::Finch;
use finch::account::{AuthenticationType, ConnectionStatus};
use finch::hris::HsaContributionLimit;
use finch::hris::{BenefitFrequency, BenefitType};
use finch::providers::{ContributionType, DeductionType, OperationSupport};
use finch::webhooks::*;
use http::HeaderMap;
use serde_json::Value;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The webhook secret of these vectors (base64 of 24 random bytes).
const SECRET: &str = "5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH";
const EVENT_ID: &str = "msg_2Lh9KRb0pzN4LePd3XiA4v12Axj";
const TIMESTAMP: u64 = 1700000000;
const DIRECTORY_CREATED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"directory.created","data":{"individual_id":"c1ba0a44-d3b6-4bd2-9b2b-5d8d6c2d2f11"}}"#;
const DIRECTORY_CREATED_SIGNATURE: &str = "v1,wlmxmKkBS7SrU4Fq7y2qrZSWNH+gECVFE3Mq8b7Zp/k=";
const ACCOUNT_UPDATED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"account.updated","data":{"status":"connected","authentication_method":{"type":"credential","benefits_support":{"401k":{"supported_features":{"description":"Traditional 401(k)","frequencies":["every_paycheck",null],"employee_deduction":["percent","fixed"],"company_contribution":["tiered",null],"annual_maximum":null,"catch_up":true},"supported_operations":{"company_benefits":{"create":"supported","update":"not_supported_by_finch","delete":"client_access_only","read":"supported"},"individual_benefits":{"create":"not_supported_by_provider"}}},"hsa_pre":{"supported_features":{"description":null,"frequencies":[],"employee_deduction":null,"company_contribution":[],"annual_maximum":false,"hsa_contribution_limit":["family","individual"]}},"s125_medical":null},"supported_fields":{"company":{"id":true,"entity":{"type":true,"subtype":false},"accounts":{"routing_number":true},"departments":{"name":true,"parent":{"name":false}},"locations":{"line1":true,"country":true}},"directory":{"paging":{"count":true,"offset":true},"individuals":{"id":true,"manager":{"id":true}}},"individual":{"ssn":false,"emails":{"data":true,"type":true},"residence":{"postal_code":true}},"employment":{"title":true,"employment":{"type":true,"subtype":true},"income":{"amount":true,"unit":true},"department":{"name":true}},"payment":{"pay_period":{"start_date":true,"end_date":true},"pay_frequencies":true},"pay_statement":{"paging":{"count":true,"offset":false},"pay_statements":{"type":true,"earnings":{"type":true,"amount":true},"employee_deductions":{"pre_tax":true},"employer_contributions":{"name":true},"taxes":{"type":true,"employer":true}}},"pay_group":{"id":true,"individual_ids":false}}}}}"#;
const ACCOUNT_UPDATED_SIGNATURE: &str = "v1,VQElMKfnUkhdMxgOj6Pa95Q7FNDaWKC/fqgjWYmBPMk=";
const COMPANY_UPDATED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"company.updated","data":null}"#;
const COMPANY_UPDATED_SIGNATURE: &str = "v1,2qYSOiU5TbGAHjaaF5+tZAHziEYXQ2LsWMRSx7Gbg9E=";
const EMPLOYMENT_UPDATED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"employment.updated","data":{"individual_id":"c1ba0a44-d3b6-4bd2-9b2b-5d8d6c2d2f11"}}"#;
const EMPLOYMENT_UPDATED_SIGNATURE: &str = "v1,1yd7Mpc/rTwjLXjITrwDL3pacQjmfmPXgGMPbY/jGC4=";
const INDIVIDUAL_DELETED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"individual.deleted","data":{"individual_id":"c1ba0a44-d3b6-4bd2-9b2b-5d8d6c2d2f11"}}"#;
const INDIVIDUAL_DELETED_SIGNATURE: &str = "v1,owRkb79j5x4sWDElHpZjFExOK4Z3JFjFC5XhCxS++GY=";
const PAYMENT_CREATED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"payment.created","data":{"payment_id":"e8b90071-0c11-471c-86e8-e303ef2f6782","pay_date":"2024-01-15"}}"#;
const PAYMENT_CREATED_SIGNATURE: &str = "v1,uGLRq30/vyM2A1z68Z2SPmFpTzQN+NPmqlmCmaU3HMA=";
const PAY_STATEMENT_UPDATED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"pay_statement.updated","data":{"payment_id":"e8b90071-0c11-471c-86e8-e303ef2f6782","individual_id":"c1ba0a44-d3b6-4bd2-9b2b-5d8d6c2d2f11"}}"#;
const PAY_STATEMENT_UPDATED_SIGNATURE: &str = "v1,BsKKqFkAriIjTYuiukt63ZtAneVFM2dPaimnMgzatMw=";
const JOB_COMPLETED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"job.benefit_enroll.completed","data":{"job_id":"0b9a7ae2-f5a1-4d7f-8e3c-7f2b1a4c6d8e","job_url":"https://api.tryfinch.com/jobs/manual/0b9a7ae2-f5a1-4d7f-8e3c-7f2b1a4c6d8e"}}"#;
const JOB_COMPLETED_SIGNATURE: &str = "v1,/B119ZLUN6r3FryuZjm+nuVSnR2bbQ0xikh1A25Ar/M=";
const JOB_SUCCEEDED: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"job.initial_data_sync_payroll.succeeded","data":{"job_id":"5f1e9c3a-2b7d-4e8f-9a0b-1c2d3e4f5a6b","job_url":"https://api.tryfinch.com/jobs/automated/5f1e9c3a-2b7d-4e8f-9a0b-1c2d3e4f5a6b"}}"#;
const JOB_SUCCEEDED_SIGNATURE: &str = "v1,Le4UaBtkFDNgTNa5s8OUHj4G2Kyfd32ciRb15/VsKQ0=";
const UNKNOWN_TYPE: &str = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","entity_id":"f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b","event_type":"benefit.renamed","data":{"benefit_id":"7a6f0b7c","name":"Dental"}}"#;
const UNKNOWN_TYPE_SIGNATURE: &str = "v1,RRiMnASqakhlSYbCoXjSALARVGYS+TqbRiWefnWIvRE=";
/// Another valid secret.
const OTHER_SECRET: &str = "YS1kaWZmZXJlbnQtd2ViaG9vay1zZWNyZXQta2V5ISE=";
/// DIRECTORY_CREATED signed with OTHER_SECRET.
const OTHER_SECRET_SIGNATURE: &str = "v1,HA7TDYjWdU8nqHHY7YN3IZiRe8LOL+xEB1xsKdF+p8w=";

fn headers(event_id: &str, timestamp: &str, signature: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("finch-event-id", event_id.parse().unwrap());
    headers.insert("finch-timestamp", timestamp.parse().unwrap());
    headers.insert("finch-signature", signature.parse().unwrap());
    headers
}

fn signed(signature: &str) -> HeaderMap {
    headers(EVENT_ID, &TIMESTAMP.to_string(), signature)
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn verifier() -> WebhookVerifier {
    WebhookVerifier::new(SECRET).unwrap()
}

fn verify(body: &str, headers: &HeaderMap) -> Result<(), WebhookError> {
    verifier().verify_signature_at(body, headers, at(TIMESTAMP))
}

#[test]
fn a_valid_signature_is_accepted() {
    verify(DIRECTORY_CREATED, &signed(DIRECTORY_CREATED_SIGNATURE)).unwrap();
    // Strings and `Bytes` alike.
    verifier()
        .verify_signature_at(
            bytes::Bytes::from_static(DIRECTORY_CREATED.as_bytes()),
            &signed(DIRECTORY_CREATED_SIGNATURE),
            at(TIMESTAMP),
        )
        .unwrap();
}

#[test]
fn sign_gives_the_reference_signature() {
    assert_eq!(
        verifier().sign(EVENT_ID, TIMESTAMP as i64, DIRECTORY_CREATED.as_bytes()),
        DIRECTORY_CREATED_SIGNATURE
    );
}

#[test]
fn any_matching_v1_signature_is_enough() {
    let several = format!(
        "v1,{} v1a,abc v1,not-base64!! {DIRECTORY_CREATED_SIGNATURE} v2,xyz",
        &OTHER_SECRET_SIGNATURE[3..]
    );
    verify(DIRECTORY_CREATED, &signed(&several)).unwrap();
    // Doubled spaces and malformed pairs are skipped, not errors.
    let messy = format!("garbage  v1 ,x {DIRECTORY_CREATED_SIGNATURE}");
    verify(DIRECTORY_CREATED, &signed(&messy)).unwrap();
}

#[test]
fn only_v1_signatures_are_checked() {
    let v0 = DIRECTORY_CREATED_SIGNATURE.replacen("v1,", "v0,", 1);
    assert_eq!(
        verify(DIRECTORY_CREATED, &signed(&v0)),
        Err(WebhookError::NoMatchingSignature)
    );
    let unversioned = DIRECTORY_CREATED_SIGNATURE.trim_start_matches("v1,");
    assert_eq!(
        verify(DIRECTORY_CREATED, &signed(unversioned)),
        Err(WebhookError::NoMatchingSignature)
    );
}

#[test]
fn a_wrong_secret_is_rejected() {
    let other = WebhookVerifier::new(OTHER_SECRET).unwrap();
    let error = other
        .verify_signature_at(
            DIRECTORY_CREATED,
            &signed(DIRECTORY_CREATED_SIGNATURE),
            at(TIMESTAMP),
        )
        .unwrap_err();
    assert_eq!(error, WebhookError::NoMatchingSignature);
    assert_eq!(
        error.to_string(),
        "none of the given webhook signatures match the expected signature"
    );
    // ... and the other secret's own signature verifies with it.
    other
        .verify_signature_at(
            DIRECTORY_CREATED,
            &signed(OTHER_SECRET_SIGNATURE),
            at(TIMESTAMP),
        )
        .unwrap();
}

#[test]
fn a_tampered_body_or_header_is_rejected() {
    let tampered = DIRECTORY_CREATED.replace("directory.created", "directory.deleted");
    assert_eq!(
        verify(&tampered, &signed(DIRECTORY_CREATED_SIGNATURE)),
        Err(WebhookError::NoMatchingSignature)
    );
    // Re-encoded JSON is not the raw body.
    let reencoded =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(DIRECTORY_CREATED).unwrap())
            .unwrap();
    assert_eq!(
        verify(&reencoded, &signed(DIRECTORY_CREATED_SIGNATURE)),
        Err(WebhookError::NoMatchingSignature)
    );
    // The event id and timestamp are signed too.
    let other_id = headers(
        "msg_other",
        &TIMESTAMP.to_string(),
        DIRECTORY_CREATED_SIGNATURE,
    );
    assert_eq!(
        verify(DIRECTORY_CREATED, &other_id),
        Err(WebhookError::NoMatchingSignature)
    );
    let other_time = headers(
        EVENT_ID,
        &(TIMESTAMP + 1).to_string(),
        DIRECTORY_CREATED_SIGNATURE,
    );
    assert_eq!(
        verify(DIRECTORY_CREATED, &other_time),
        Err(WebhookError::NoMatchingSignature)
    );
}

#[test]
fn the_timestamp_must_be_within_five_minutes() {
    let verifier = verifier();
    let headers = signed(DIRECTORY_CREATED_SIGNATURE);
    let check = |now| verifier.verify_signature_at(DIRECTORY_CREATED, &headers, at(now));
    // Exactly five minutes either way is accepted; one second more is not.
    check(TIMESTAMP + 300).unwrap();
    check(TIMESTAMP - 300).unwrap();
    let too_old = check(TIMESTAMP + 301).unwrap_err();
    assert_eq!(
        too_old,
        WebhookError::TimestampTooOld {
            timestamp: TIMESTAMP as i64,
            now: TIMESTAMP as i64 + 301
        }
    );
    assert!(too_old.to_string().contains("too old"), "{too_old}");
    let too_new = check(TIMESTAMP - 301).unwrap_err();
    assert_eq!(
        too_new,
        WebhookError::TimestampTooNew {
            timestamp: TIMESTAMP as i64,
            now: TIMESTAMP as i64 - 301
        }
    );
    assert!(too_new.to_string().contains("too new"), "{too_new}");
    // A stale delivery is rejected for its age even with a valid signature.
    assert!(matches!(
        check(TIMESTAMP + 3600),
        Err(WebhookError::TimestampTooOld { .. })
    ));
}

#[test]
fn a_timestamp_that_is_not_whole_seconds_is_rejected() {
    for bad in ["", "soon", "1700000000.5", "1e9", "99999999999999999999"] {
        let headers = headers(EVENT_ID, bad, DIRECTORY_CREATED_SIGNATURE);
        assert_eq!(
            verify(DIRECTORY_CREATED, &headers),
            Err(WebhookError::InvalidTimestamp {
                value: bad.to_owned()
            }),
            "{bad:?}"
        );
    }
}

#[test]
fn missing_headers_are_named() {
    for name in ["finch-event-id", "finch-timestamp", "finch-signature"] {
        let mut headers = signed(DIRECTORY_CREATED_SIGNATURE);
        headers.remove(name);
        let error = verify(DIRECTORY_CREATED, &headers).unwrap_err();
        assert!(
            matches!(&error, WebhookError::MissingHeader { name: missing } if *missing == name),
            "{error:?}"
        );
        assert!(error.to_string().contains(name), "{error}");
    }
    // Header names are case-insensitive.
    let mut upper = HeaderMap::new();
    upper.insert("Finch-Event-Id", EVENT_ID.parse().unwrap());
    upper.insert("FINCH-TIMESTAMP", TIMESTAMP.to_string().parse().unwrap());
    upper.insert(
        "Finch-Signature",
        DIRECTORY_CREATED_SIGNATURE.parse().unwrap(),
    );
    verify(DIRECTORY_CREATED, &upper).unwrap();
}

#[test]
fn a_non_ascii_header_is_rejected() {
    let mut headers = signed(DIRECTORY_CREATED_SIGNATURE);
    headers.insert(
        "finch-event-id",
        http::HeaderValue::from_bytes(b"msg_\xff").unwrap(),
    );
    assert_eq!(
        verify(DIRECTORY_CREATED, &headers),
        Err(WebhookError::InvalidHeader {
            name: "finch-event-id"
        })
    );
}

#[test]
fn a_secret_that_is_not_base64_is_rejected_without_showing_it() {
    for secret in [
        "whsec_not*base64",
        "5WbX5kEWLlfzsGNjH64I8lOOqUB6e8F",
        "5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH\n",
        "c2VjcmV0LWtleS1ieXRlcw=",
        "c2VjcmV0LWtleS1ieXRlcx==",
        "",
    ] {
        let error = WebhookVerifier::new(secret).unwrap_err();
        assert!(
            matches!(error, WebhookError::InvalidSecret { .. }),
            "{secret:?}: {error:?}"
        );
        let shown = format!("{error} {error:?}");
        assert!(shown.contains("webhook secret") || shown.contains("InvalidSecret"));
        if !secret.trim().is_empty() {
            // No part of the secret (its characters, its offsets) is shown.
            assert!(!shown.contains(secret.trim()), "{shown}");
            assert!(!shown.contains("whsec"), "{shown}");
            assert!(!shown.contains("offset"), "{shown}");
        }
    }
}

#[test]
fn the_client_secret_is_used_and_its_absence_is_an_error() {
    let finch = Finch::builder().webhook_secret(SECRET).build().unwrap();
    let verifier = finch.webhooks().verifier().unwrap();
    verifier
        .verify_signature_at(
            DIRECTORY_CREATED,
            &signed(DIRECTORY_CREATED_SIGNATURE),
            at(TIMESTAMP),
        )
        .unwrap();

    // With the system clock: a delivery signed now.
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let signature = verifier.sign(EVENT_ID, now as i64, PAYMENT_CREATED.as_bytes());
    let fresh = headers(EVENT_ID, &now.to_string(), &signature);
    finch
        .webhooks()
        .verify_signature(PAYMENT_CREATED, &fresh)
        .unwrap();
    let event = finch.webhooks().unwrap(PAYMENT_CREATED, &fresh).unwrap();
    assert_eq!(event.event_type(), "payment.created");
    // The fixed vector is far in the past by now.
    assert!(matches!(
        finch
            .webhooks()
            .unwrap(DIRECTORY_CREATED, &signed(DIRECTORY_CREATED_SIGNATURE)),
        Err(WebhookError::TimestampTooOld { .. })
    ));

    let without = Finch::builder().build().unwrap();
    let error = without
        .webhooks()
        .unwrap(DIRECTORY_CREATED, &fresh)
        .unwrap_err();
    assert_eq!(error, WebhookError::MissingSecret);
    assert!(
        error.to_string().contains("FINCH_WEBHOOK_SECRET"),
        "{error}"
    );

    let bad = Finch::builder()
        .webhook_secret("not base64!")
        .build()
        .unwrap();
    let error = bad
        .webhooks()
        .verify_signature(DIRECTORY_CREATED, &fresh)
        .unwrap_err();
    assert!(
        matches!(error, WebhookError::InvalidSecret { .. }),
        "{error:?}"
    );
    assert!(!format!("{error} {error:?}").contains("not base64!"));
}

/// Verifies and parses a vector, and checks that encoding the event gives the body back.
fn unwrap(body: &str, signature: &str) -> WebhookEvent {
    let event = verifier()
        .unwrap_at(body, &signed(signature), at(TIMESTAMP))
        .unwrap();
    let original: Value = serde_json::from_str(body).unwrap();
    let mut encoded = serde_json::to_value(&event).unwrap();
    // `"data": null` is left out on encoding, as for any absent optional member.
    if original.get("data") == Some(&Value::Null) {
        encoded["data"] = Value::Null;
    }
    assert_eq!(encoded, original, "{body}");
    // The same through `Deserialize`.
    assert_eq!(serde_json::from_str::<WebhookEvent>(body).unwrap(), event);
    event
}

fn assert_base(event: &WebhookEvent) {
    assert_eq!(
        event.company_id(),
        Some("720be419-0293-4d32-a707-32179b0827ab")
    );
    assert_eq!(
        event.connection_id(),
        Some("4ab15e51-11ad-49f4-acae-f343b7794375")
    );
    assert_eq!(
        event.entity_id(),
        Some("f9e2b3a1-1c5d-4e6f-8a9b-0c1d2e3f4a5b")
    );
}

#[test]
#[allow(deprecated)] // reads the deprecated `account_id`
fn directory_employment_and_individual_events() {
    let event = unwrap(DIRECTORY_CREATED, DIRECTORY_CREATED_SIGNATURE);
    assert_base(&event);
    let WebhookEvent::Directory(directory) = event else {
        panic!("{event:?}")
    };
    assert_eq!(directory.event_type, DirectoryEventType::Created);
    assert_eq!(
        directory.account_id.as_deref(),
        Some("0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55")
    );
    // Deliveries without the deprecated `account_id` still parse.
    let without = DIRECTORY_CREATED.replace(
        r#""account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","#,
        "",
    );
    let WebhookEvent::Directory(directory) = WebhookEvent::parse(without.as_bytes()).unwrap()
    else {
        panic!()
    };
    assert_eq!(directory.account_id, None);
    assert_eq!(
        directory.data.unwrap().individual_id.as_deref(),
        Some("c1ba0a44-d3b6-4bd2-9b2b-5d8d6c2d2f11")
    );

    let event = unwrap(EMPLOYMENT_UPDATED, EMPLOYMENT_UPDATED_SIGNATURE);
    let WebhookEvent::Employment(employment) = event else {
        panic!("{event:?}")
    };
    assert_eq!(employment.event_type, EmploymentEventType::Updated);
    assert!(employment.data.unwrap().individual_id.is_some());

    let event = unwrap(INDIVIDUAL_DELETED, INDIVIDUAL_DELETED_SIGNATURE);
    assert_eq!(event.event_type(), "individual.deleted");
    let WebhookEvent::Individual(individual) = event else {
        panic!("{event:?}")
    };
    assert_eq!(individual.event_type, IndividualEventType::Deleted);
}

#[test]
fn payment_and_pay_statement_events() {
    let event = unwrap(PAYMENT_CREATED, PAYMENT_CREATED_SIGNATURE);
    assert_base(&event);
    let WebhookEvent::Payment(payment) = event else {
        panic!("{event:?}")
    };
    assert_eq!(payment.event_type, PaymentEventType::Created);
    let data = payment.data.unwrap();
    assert_eq!(data.payment_id, "e8b90071-0c11-471c-86e8-e303ef2f6782");
    assert_eq!(data.pay_date.ymd(), Some((2024, 1, 15)));

    let event = unwrap(PAY_STATEMENT_UPDATED, PAY_STATEMENT_UPDATED_SIGNATURE);
    let WebhookEvent::PayStatement(statement) = event else {
        panic!("{event:?}")
    };
    assert_eq!(statement.event_type, PayStatementEventType::Updated);
    let data = statement.data.unwrap();
    assert_eq!(
        data.payment_id.as_deref(),
        Some("e8b90071-0c11-471c-86e8-e303ef2f6782")
    );
    assert_eq!(
        data.individual_id.as_deref(),
        Some("c1ba0a44-d3b6-4bd2-9b2b-5d8d6c2d2f11")
    );
}

#[test]
fn job_events() {
    let event = unwrap(JOB_COMPLETED, JOB_COMPLETED_SIGNATURE);
    let WebhookEvent::JobCompletion(job) = event else {
        panic!("{event:?}")
    };
    assert_eq!(job.event_type, JobEventType::BenefitEnrollCompleted);
    let data = job.data.unwrap();
    assert_eq!(data.job_id, "0b9a7ae2-f5a1-4d7f-8e3c-7f2b1a4c6d8e");
    assert!(data.job_url.ends_with(&data.job_id));

    let event = unwrap(JOB_SUCCEEDED, JOB_SUCCEEDED_SIGNATURE);
    let WebhookEvent::JobCompletion(job) = event else {
        panic!("{event:?}")
    };
    assert_eq!(
        job.event_type,
        JobEventType::InitialDataSyncPayrollSucceeded
    );
    // Every job event type the spec lists is typed.
    for known in JobEventType::KNOWN {
        let body = JOB_COMPLETED.replace("job.benefit_enroll.completed", known.as_str());
        let WebhookEvent::JobCompletion(job) = WebhookEvent::parse(body.as_bytes()).unwrap() else {
            panic!("{known}")
        };
        assert_eq!(&job.event_type, known);
    }
}

#[test]
fn company_events_with_and_without_data() {
    let event = unwrap(COMPANY_UPDATED, COMPANY_UPDATED_SIGNATURE);
    assert_base(&event);
    let WebhookEvent::Company(company) = event else {
        panic!("{event:?}")
    };
    assert_eq!(company.event_type, CompanyEventType::Updated);
    assert_eq!(company.data, None);

    let with_data = COMPANY_UPDATED.replace(r#""data":null"#, r#""data":{"fields":["ein"]}"#);
    let WebhookEvent::Company(company) = WebhookEvent::parse(with_data.as_bytes()).unwrap() else {
        panic!()
    };
    assert_eq!(company.data.unwrap()["fields"][0], "ein");
}

#[test]
fn account_updated_events_are_typed_to_the_last_flag() {
    let event = unwrap(ACCOUNT_UPDATED, ACCOUNT_UPDATED_SIGNATURE);
    assert_base(&event);
    let WebhookEvent::AccountUpdated(account) = event else {
        panic!("{event:?}")
    };
    assert_eq!(account.event_type, AccountEventType::Updated);
    let data = account.data.unwrap();
    assert_eq!(data.status, ConnectionStatus::Connected);
    let method = data.authentication_method;
    assert_eq!(
        method.authentication_type,
        Some(AuthenticationType::Credential)
    );

    let benefits = method.benefits_support.unwrap();
    let retirement = benefits[&BenefitType::B401k].as_ref().unwrap();
    let features = retirement.supported_features.as_ref().unwrap();
    assert_eq!(features.description.as_deref(), Some("Traditional 401(k)"));
    assert_eq!(
        features.frequencies,
        [Some(BenefitFrequency::EveryPaycheck), None]
    );
    assert_eq!(
        features.employee_deduction,
        Some(vec![
            Some(DeductionType::Percent),
            Some(DeductionType::Fixed)
        ])
    );
    assert_eq!(
        features.company_contribution,
        Some(vec![Some(ContributionType::Tiered), None])
    );
    assert_eq!(features.annual_maximum, None);
    assert_eq!(features.catch_up, Some(true));
    let operations = retirement.supported_operations.as_ref().unwrap();
    let company = operations.company_benefits.as_ref().unwrap();
    assert_eq!(company.create, Some(OperationSupport::Supported));
    assert_eq!(company.update, Some(OperationSupport::NotSupportedByFinch));
    assert_eq!(company.delete, Some(OperationSupport::ClientAccessOnly));
    assert_eq!(
        operations.individual_benefits.as_ref().unwrap().create,
        Some(OperationSupport::NotSupportedByProvider)
    );
    let hsa = benefits[&BenefitType::HsaPre].as_ref().unwrap();
    let hsa = hsa.supported_features.as_ref().unwrap();
    assert_eq!(
        hsa.hsa_contribution_limit,
        Some(vec![
            Some(HsaContributionLimit::Family),
            Some(HsaContributionLimit::Individual)
        ])
    );
    assert_eq!(benefits[&BenefitType::S125Medical], None);

    let fields = method.supported_fields.unwrap();
    let company = fields.company.unwrap();
    assert_eq!(company.id, Some(true));
    assert_eq!(company.entity.unwrap().entity_type, Some(true));
    assert_eq!(
        company.departments.unwrap().parent.unwrap().name,
        Some(false)
    );
    assert_eq!(
        fields.individual.unwrap().emails.unwrap().contact_type,
        Some(true)
    );
    assert_eq!(
        fields.employment.unwrap().employment.unwrap().entity_type,
        Some(true)
    );
    let statements = fields.pay_statement.unwrap();
    let paging = statements.paging.unwrap();
    assert!(paging.count && !paging.offset);
    let items = statements.pay_statements.unwrap();
    assert_eq!(items.pay_statement_type, Some(true));
    assert_eq!(items.taxes.unwrap().tax_type, Some(true));
    assert_eq!(fields.pay_group.unwrap().individual_ids, Some(false));
}

#[test]
fn an_unknown_event_type_is_kept_not_an_error() {
    let event = unwrap(UNKNOWN_TYPE, UNKNOWN_TYPE_SIGNATURE);
    assert_eq!(event.event_type(), "benefit.renamed");
    assert_base(&event);
    let WebhookEvent::Unknown(unknown) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(unknown.event_type, "benefit.renamed");
    assert_eq!(unknown.raw["data"]["name"], "Dental");

    // A new type in a known family is unknown too (its data may have another shape).
    let future = DIRECTORY_CREATED.replace("directory.created", "directory.archived");
    assert!(matches!(
        WebhookEvent::parse(future.as_bytes()).unwrap(),
        WebhookEvent::Unknown(_)
    ));
}

#[test]
fn a_bad_payload_says_where() {
    let bad = PAYMENT_CREATED.replace(r#""pay_date":"2024-01-15""#, r#""pay_date":20240115"#);
    let error = WebhookEvent::parse(bad.as_bytes()).unwrap_err();
    let WebhookError::InvalidPayload {
        event_type,
        path,
        message,
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(event_type.as_deref(), Some("payment.created"));
    assert_eq!(path, "data.pay_date");
    assert!(message.contains("invalid type"), "{message}");
    assert!(error.to_string().contains("`payment.created`"), "{error}");

    let missing = JOB_COMPLETED.replace(r#""job_url""#, r#""url""#);
    let error = WebhookEvent::parse(missing.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("job_url"), "{error}");

    for (body, expected) in [
        ("not json", "."),
        (r#"{"company_id":"c"}"#, "event_type"),
        (r#"{"event_type":7}"#, "event_type"),
    ] {
        let error = WebhookEvent::parse(body.as_bytes()).unwrap_err();
        assert!(
            matches!(&error, WebhookError::InvalidPayload { path, .. } if path == expected),
            "{body}: {error:?}"
        );
    }
    // Through `Deserialize` the path is kept in the message.
    let error = serde_json::from_str::<WebhookEvent>(&bad).unwrap_err();
    assert!(error.to_string().contains("data.pay_date"), "{error}");
}

#[test]
fn a_huge_bad_payload_gives_a_bounded_error() {
    let huge = "x".repeat(1024 * 1024);
    for body in [
        PAYMENT_CREATED.replace(
            r#""pay_date":"2024-01-15""#,
            &format!(r#""pay_date":{{"{huge}":1}}"#),
        ),
        PAYMENT_CREATED.replace(r#""2024-01-15""#, &format!(r#"["{huge}"]"#)),
        format!(r#"{{"event_type":["{huge}"]}}"#),
    ] {
        let Err(error) = WebhookEvent::parse(body.as_bytes()) else {
            panic!("a {}-byte bad payload parsed", body.len())
        };
        let shown = format!("{error} {error:?}");
        assert!(shown.len() < 2048, "{} bytes: {shown}", shown.len());
    }
}

#[test]
fn unwrap_verifies_before_parsing() {
    let error = verifier()
        .unwrap_at(
            "not json",
            &signed(DIRECTORY_CREATED_SIGNATURE),
            at(TIMESTAMP),
        )
        .unwrap_err();
    assert_eq!(error, WebhookError::NoMatchingSignature);
}

//! Properties over every response type finch declares: random values (made by the types' own
//! `Deserialize`, see `finch_stand_in::random_value`) survive encoding and decoding unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

/// Seeds tried per response type.
const SEEDS: u64 = 300;

#[test]
fn every_response_type_survives_encode_then_decode() {
    /// Tries every seed on each endpoint's response type.
    struct Survive(Vec<String>);
    impl finch_conformance::EndpointVisitor for Survive {
        fn visit<E>(&mut self)
        where
            E: finch::Endpoint,
            E::Response:
                serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
        {
            let mut made = 0;
            for seed in 0..SEEDS {
                let Ok(value) = finch_stand_in::random_value::<E::Response>(seed) else {
                    continue;
                };
                made += 1;
                if let Err(error) = finch_conformance::value_roundtrip(&value) {
                    self.0
                        .push(format!("{} {} seed {seed}: {error}", E::METHOD, E::PATH));
                }
            }
            // A type no seed can make would make this test vacuous for it.
            if made < 10 {
                self.0.push(format!(
                    "{} {} ({}): only {made} of {SEEDS} seeds made a value",
                    E::METHOD,
                    E::PATH,
                    std::any::type_name::<E::Response>()
                ));
            }
        }
    }
    // Every declared operation is visited (the list is checked against `finch::operations()`).
    let mismatches = finch_conformance::typed_list_mismatches();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    let mut survive = Survive(Vec::new());
    finch_conformance::visit_endpoints(&mut survive);
    let failures = survive.0;
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Encodes `value`, decodes it again, and compares.
fn survives<T>(value: &T) -> Result<(), String>
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let encoded = serde_json::to_vec(value).map_err(|error| error.to_string())?;
    let decoded: T =
        serde_json::from_slice(&encoded).map_err(|error| format!("{value:?}: {error}"))?;
    (decoded == *value)
        .then_some(())
        .ok_or_else(|| format!("{value:?} came back as {decoded:?}"))
}

/// The same property for the types inside unions (a batch item's data, an error), which random
/// whole responses seldom reach.
fn check_type<T>(name: &str, failures: &mut Vec<String>)
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let mut made = 0;
    for seed in 0..SEEDS {
        let Ok(value) = finch_stand_in::random_value::<T>(seed) else {
            continue;
        };
        made += 1;
        if let Err(error) = survives(&value) {
            failures.push(format!("{name} seed {seed}: {error}"));
        }
    }
    if made < 10 {
        failures.push(format!("{name}: only {made} of {SEEDS} seeds made a value"));
    }
}

#[test]
fn the_types_inside_unions_survive_encode_then_decode() {
    let mut failures = Vec::new();
    check_type::<finch::hris::Individual>("Individual", &mut failures);
    check_type::<finch::hris::Employment>("Employment", &mut failures);
    check_type::<finch::hris::PayStatementPage>("PayStatementPage", &mut failures);
    check_type::<finch::hris::IndividualBenefit>("IndividualBenefit", &mut failures);
    check_type::<finch::hris::PlanEnrollment>("PlanEnrollment", &mut failures);
    check_type::<finch::hris::PlanDependent>("PlanDependent", &mut failures);
    check_type::<finch::payroll::LedgerItemsData>("LedgerItemsData", &mut failures);
    check_type::<finch::BatchError>("BatchError", &mut failures);
    check_type::<finch::hris::W4Form2020>("W4Form2020", &mut failures);
    check_type::<finch::hris::W4Form2005>("W4Form2005", &mut failures);
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Inputs the fuzzers found, kept as regression tests.
#[test]
fn fuzz_findings_stay_fixed() {
    let operations = finch_conformance::typed_operations();
    let find = |path: &str| operations.iter().find(|op| op.path == path).unwrap();
    // organization: a large integer-valued number read as a float came back one unit in the last
    // place off (serde_json's default float parsing); fixed with `float_roundtrip`.
    let document = find("/employer/documents/{document_id}");
    assert_eq!(
        document.check_decoded_roundtrip(b"\n\n111111111111111111111101111\n"),
        Some(Ok(()))
    );
    assert_eq!(
        document.check_decoded_roundtrip(b"1.1111111111111111e23"),
        Some(Ok(()))
    );
}

/// A deterministic generator (splitmix64): each seed is a reproducible case, as above.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn coin(&mut self) -> bool {
        self.next() & 1 == 0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// An edge value half of the time, any duration (of any magnitude) otherwise.
    fn duration(&mut self) -> std::time::Duration {
        use std::time::Duration;
        if self.coin() {
            return self.pick(&[
                Duration::ZERO,
                Duration::from_nanos(1),
                Duration::from_millis(1),
                Duration::from_millis(500),
                Duration::from_secs(8),
                finch::core::LONGEST_WAIT,
                Duration::from_secs(u64::MAX),
                Duration::MAX - Duration::from_nanos(1),
                Duration::MAX,
            ]);
        }
        let secs = self.next() >> (self.next() % 64);
        Duration::new(secs, (self.next() % 1_000_000_000) as u32)
    }

    fn count(&mut self) -> u32 {
        if self.coin() {
            return self.pick(&[0, 1, 2, 31, 32, 33, 63, 64, u32::MAX - 1, u32::MAX]);
        }
        (self.next() >> (self.next() % 64)) as u32
    }

    fn jitter(&mut self) -> f64 {
        if self.coin() {
            return self.pick(&[
                0.0,
                -0.0,
                0.5,
                1.0,
                f64::NAN,
                -1.0,
                2.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::MIN_POSITIVE,
            ]);
        }
        f64::from_bits(self.next())
    }

    /// A `retry-after(-ms)` value a misbehaving server might send.
    fn delay_text(&mut self) -> String {
        match self.next() % 4 {
            0 => self
                .pick(&[
                    "0",
                    "-1",
                    "1e300",
                    "-1e300",
                    "NaN",
                    "inf",
                    "-inf",
                    "18446744073709551616",
                    "99999999999999999999999999",
                    "0.0000001",
                    "soon",
                    "",
                    "Fri, 31 Dec 9999 23:59:59 GMT",
                    "Thu, 01 Jan 1970 00:00:00 GMT",
                ])
                .to_owned(),
            1 => f64::from_bits(self.next()).to_string(),
            2 => (self.next() >> (self.next() % 64)).to_string(),
            _ => format!("-{}", self.next() % 100_000),
        }
    }

    fn policy(&mut self) -> finch::RetryPolicy {
        let mut policy = finch::RetryPolicy::default();
        policy.max_retries = self.count();
        policy.initial_delay = self.duration();
        policy.max_delay = self.duration();
        policy.max_server_delay = self.duration();
        policy.jitter = self.coin();
        policy
    }
}

/// Retry policies saturate: any durations, counts and jitter give a wait no longer than the
/// policy's cap (never a panic), and server-directed delays are either ignored or within bounds.
#[test]
fn retry_policies_saturate_at_any_value() {
    use std::time::Duration;
    for seed in 0..20_000 {
        let mut rng = Seeded(seed);
        let policy = rng.policy();
        let retries = rng.count();
        let jitter = rng.jitter();
        let wait = policy.backoff(retries, jitter);
        let cap = policy
            .initial_delay
            .saturating_mul(2u32.saturating_pow(retries.min(31)))
            .min(policy.max_delay);
        assert!(wait <= cap, "seed {seed}: {wait:?} > {cap:?} ({policy:?})");
        // At most the 25 % jitter is taken off (with room for float rounding).
        let floor = (cap / 4 * 3).saturating_sub(cap / (1 << 20));
        assert!(
            wait >= floor,
            "seed {seed}: {wait:?} < {floor:?} ({policy:?})"
        );

        let mut headers = http::HeaderMap::new();
        let name = rng.pick(&["retry-after-ms", "retry-after"]);
        if let Ok(value) = http::HeaderValue::from_str(&rng.delay_text()) {
            headers.insert(name, value);
        }
        if let Some(delay) = policy.server_delay(&headers, &finch::core::SystemClock) {
            assert!(
                delay > Duration::ZERO && delay <= policy.max_server_delay,
                "seed {seed}: {delay:?} from {headers:?}"
            );
        }
    }
}

/// A sleep that is over at once and records what it was asked for.
#[derive(Clone, Default)]
struct Instant(std::sync::Arc<std::sync::Mutex<Vec<std::time::Duration>>>);

impl finch::core::AsyncSleep for Instant {
    fn sleep(&self, duration: std::time::Duration) -> finch::core::SleepFuture {
        self.0.lock().unwrap().push(duration);
        Box::pin(std::future::ready(()))
    }
}

/// Whole calls with any time limits, retry policies and server delays: they never panic, retry
/// exactly as far as the policy allows, and wait no longer than the policy's caps between
/// attempts.
#[tokio::test]
async fn calls_with_any_limits_and_retries_never_panic() {
    use finch::core::{AuthScheme, Client, TestTransport};
    for seed in 0..2_000 {
        let mut rng = Seeded(seed);
        let transport = TestTransport::new();
        let failures = rng.next() % 4;
        for _ in 0..failures {
            let mut reply = http::Response::new(bytes::Bytes::from_static(b"{}"));
            *reply.status_mut() = http::StatusCode::SERVICE_UNAVAILABLE;
            let name = rng.pick(&["retry-after-ms", "retry-after", "x-none"]);
            if let Ok(value) = http::HeaderValue::from_str(&rng.delay_text()) {
                reply.headers_mut().insert(name, value);
            }
            transport.push(reply);
        }
        transport.push_json(200, r#"{"ok":true}"#);
        let policy = rng.policy();
        let sleep = Instant::default();
        let mut builder = Client::builder()
            .transport(transport.clone())
            .sleep(sleep.clone())
            .timeout(rng.duration())
            .retry_policy(policy.clone());
        if rng.coin() {
            builder = builder.deadline(rng.duration());
        }
        let client = builder.build().unwrap();
        let mut options = finch::RequestOptions::new();
        if rng.coin() {
            options = options.timeout(rng.duration()).deadline(rng.duration());
        }
        let result = client
            .request(http::Method::GET, "/x")
            .auth(AuthScheme::None)
            .options(options)
            .send::<serde_json::Value>()
            .await;
        if u64::from(policy.max_retries) >= failures {
            assert!(result.is_ok(), "seed {seed}: {result:?}");
        } else {
            let error = result.unwrap_err();
            assert_eq!(error.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE));
        }
        let retries_waited = transport.requests().len() - 1;
        let longest = policy.max_delay.max(policy.max_server_delay);
        let waits = sleep.0.lock().unwrap().clone();
        // The time limits are asked for too; the retry waits are the ones under the caps.
        let under_caps = waits.iter().filter(|wait| **wait <= longest).count();
        assert!(
            under_caps >= retries_waited,
            "seed {seed}: waits {waits:?}, {retries_waited} retries, policy {policy:?}"
        );
    }
}

/// The default sleep takes any duration, `Duration::MAX` included, without panicking.
#[tokio::test]
async fn tokio_sleep_saturates_at_any_duration() {
    use finch::core::{AsyncSleep, TokioSleep};
    use std::time::Duration;
    for seed in 0..200 {
        let duration = Seeded(seed).duration();
        let raced =
            tokio::time::timeout(Duration::from_millis(1), TokioSleep.sleep(duration)).await;
        if duration >= Duration::from_secs(1) {
            assert!(
                raced.is_err(),
                "seed {seed}: a {duration:?} sleep ended at once"
            );
        }
    }
}

/// A real call with the longest limits there are (`Duration::MAX` for the timeout, the deadline
/// and every retry cap) against a local server: it works, retry included.
#[tokio::test]
async fn a_call_with_the_longest_limits_works_against_a_server() {
    use std::time::Duration;
    use wiremock::matchers::method;
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).insert_header("retry-after-ms", "1e300"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"id":"c"}"#))
        .mount(&server)
        .await;
    let mut policy = finch::RetryPolicy::default();
    policy.max_retries = u32::MAX;
    policy.initial_delay = Duration::from_millis(1);
    policy.max_delay = Duration::MAX;
    policy.max_server_delay = Duration::MAX;
    let finch = finch::Finch::builder()
        .base_url(server.uri())
        .access_token("token")
        .timeout(Duration::MAX)
        .deadline(Duration::MAX)
        .retry_policy(policy)
        .build()
        .unwrap();
    let company: serde_json::Value = finch
        .core()
        .request(http::Method::GET, "/employer/company")
        .options(
            finch::RequestOptions::new()
                .timeout(Duration::MAX)
                .deadline(Duration::MAX),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(company["id"], "c");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

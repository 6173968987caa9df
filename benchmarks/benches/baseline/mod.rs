//! The hand-written client the benchmarks measure finch against: reqwest + serde, configured as
//! finch's transport is (rustls with ring, the platform's verifier), written as a careful user
//! would write it; and the stand-in they both call. One copy, shared by the benchmarks (each
//! uses part of it).
#![allow(dead_code)]

use finch::CreateAccessTokenResponse;
use finch::hris::{DirectoryPage, IndividualInDirectory};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

/// The stand-in `builder` describes, serving on its own thread and runtime, so that its work is
/// not on the measured thread.
pub(crate) fn stand_in_thread(builder: finch_stand_in::StandInBuilder) -> finch_stand_in::StandIn {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = crate::measure::current_thread_runtime();
        runtime.block_on(async move {
            sender.send(builder.start().await.unwrap()).unwrap();
            std::future::pending::<()>().await;
        });
    });
    receiver.recv().unwrap()
}

/// Where both walks hand each person: one function, not inlined, so that handing a person over
/// costs both sides the same.
#[inline(never)]
pub(crate) fn take(person: IndividualInDirectory) {
    std::hint::black_box(person);
}

/// A reqwest client with finch's TLS set-up, and reqwest's own per-request timeout if given.
pub(crate) fn client(timeout: Option<Duration>) -> reqwest::Client {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap();
    let tls = rustls_platform_verifier::BuilderVerifierExt::with_platform_verifier(tls)
        .unwrap()
        .with_no_client_auth();
    let mut builder = reqwest::Client::builder().tls_backend_preconfigured(tls);
    if let Some(timeout) = timeout {
        builder = builder.timeout(timeout);
    }
    builder.build().unwrap()
}

/// The body a hand-written client would send.
#[derive(Serialize)]
struct TokenRequest<'a> {
    client_id: &'a str,
    client_secret: &'a str,
    code: &'a str,
}

/// `POST /auth/token` by hand.
pub(crate) struct TokenExchange {
    client: reqwest::Client,
    url: String,
    client_id: String,
    client_secret: String,
}

impl TokenExchange {
    pub(crate) fn new(
        client: reqwest::Client,
        base_url: &str,
        client_id: &str,
        client_secret: &str,
    ) -> Self {
        TokenExchange {
            client,
            url: format!("{base_url}/auth/token"),
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
        }
    }

    pub(crate) async fn exchange(&self, code: &str) -> CreateAccessTokenResponse {
        let body = serde_json::to_vec(&TokenRequest {
            client_id: &self.client_id,
            client_secret: &self.client_secret,
            code,
        })
        .unwrap();
        let response = self
            .client
            .post(&self.url)
            .header("Finch-API-Version", "2020-09-17")
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{}", response.status());
        let bytes = response.bytes().await.unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }
}

/// The directory by hand: a loop over the pages, decoded into finch's own page type, handing each
/// person over ([`take`], as the finch side does),
/// ending when the page reaches the total the server reports. Returns the number of people seen.
pub(crate) async fn walk_directory(
    client: &reqwest::Client,
    base_url: &str,
    token: &str,
    limit: u64,
) -> usize {
    let (mut offset, mut seen) = (0u64, 0usize);
    loop {
        let response = client
            .get(format!(
                "{base_url}/employer/directory?limit={limit}&offset={offset}"
            ))
            .header("Finch-API-Version", "2020-09-17")
            .header("Authorization", format!("Bearer {token}"))
            .send()
            .await
            .unwrap();
        let bytes = response.bytes().await.unwrap();
        let page: DirectoryPage = serde_json::from_slice(&bytes).unwrap();
        let next = page.paging.offset + page.individuals.len() as u64;
        let last =
            page.individuals.is_empty() || page.paging.count.is_none_or(|count| next >= count);
        for person in page.individuals {
            take(person);
            seen += 1;
        }
        if last {
            return seen;
        }
        offset = next;
    }
}

//! tower layers around finch's HTTP exchange: a rate limit shared by every request of one
//! client (and every connection it serves), and a count of the requests that went through it.
//!
//! ```text
//! cargo run -p finch-sdk --example tower_rate_limit --features tower
//! ```
//!
//! It reads a directory of 300 people from a local stand-in of the Finch API in pages of 50,
//! and each page's individuals, at no more than 10 requests a second: 13 requests, so a little
//! over a second.

use finch::Finch;
use finch::core::{ReqwestTransport, TowerTransport, TransportService};
use finch::hris::{ListDirectory, RetrieveIndividuals};
use finch_stand_in::StandIn;
use std::error::Error;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tower::ServiceBuilder;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let stand_in = StandIn::start().await?;

    let sent = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&sent);
    // Outermost first. The rate limit's state lives behind the buffer, so every clone of the
    // service (finch makes one per request) shares it.
    let service = ServiceBuilder::new()
        .buffer(64)
        .rate_limit(10, Duration::from_secs(1))
        .map_request(move |request: http::Request<bytes::Bytes>| {
            counter.fetch_add(1, Ordering::Relaxed);
            request
        })
        .service(TransportService::new(ReqwestTransport::new()?));
    let finch = Finch::builder()
        .base_url(stand_in.base_url())
        .transport(TowerTransport::new(service))
        .build()?;
    // One client, any number of connections: all of them share the layers.
    let connection = finch.with_access_token(stand_in.issue_access_token());

    let started = Instant::now();
    let mut people = 0;
    let mut pages = connection
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(50));
    while let Some(page) = pages.next_page().await {
        let page = page?;
        if page.individuals.is_empty() {
            continue; // the end of the directory
        }
        let ids = page.individuals.into_iter().map(|person| person.id);
        let batch = connection
            .hris()
            .individuals()
            .retrieve_many(RetrieveIndividuals::new(ids))
            .await?;
        people += batch.responses.len();
        println!(
            "{people:>4} people after {:>2} requests, {:.1} s",
            sent.load(Ordering::Relaxed),
            started.elapsed().as_secs_f64()
        );
    }
    println!(
        "{people} people in {} requests through the rate limit, {:.1} s",
        sent.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

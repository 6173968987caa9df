//! Decoding a 10,000-response `POST /employer/individual` batch: throughput of finch's decoding
//! (what `send` does with a reply) next to plain `serde_json` decoding of the same bytes into the
//! same structs, and into a variant without the data-or-error union, to show what the union costs.
//!
//! ```text
//! cargo bench -p finch-benchmarks --bench decode            # 10,000 individuals, 20 rounds
//! cargo bench -p finch-benchmarks --bench decode -- 10000 20
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

#[path = "support/measure.rs"]
mod measure;

use finch::hris::{Individual, IndividualsResponse, RetrieveIndividuals};
use finch::{Finch, RawResponse};
use measure::median;
use std::hint::black_box;
use std::time::Instant;

/// The same reply with every body taken to be an individual: no union to decide.
#[derive(serde::Deserialize)]
struct WithoutUnion {
    #[allow(dead_code)]
    responses: Vec<ItemWithoutUnion>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct ItemWithoutUnion {
    individual_id: String,
    code: u16,
    body: Individual,
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|arg| !arg.starts_with('-'));
    let people: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);

    // A realistic reply: the stand-in's own, for every person of a company of `people`.
    let runtime = measure::current_thread_runtime();
    let reply: RawResponse = runtime.block_on(async {
        let stand_in = finch_stand_in::StandIn::builder()
            .employees(people)
            .start()
            .await
            .unwrap();
        let finch = Finch::builder()
            .base_url(stand_in.base_url())
            .access_token(stand_in.issue_access_token())
            .build()
            .unwrap();
        let mut ids = Vec::new();
        let mut everyone = finch
            .hris()
            .directory()
            .list_all(finch::hris::ListDirectory::new().limit(10_000));
        while let Some(person) = everyone.next_item().await {
            ids.push(person.unwrap().id);
        }
        finch
            .send_raw(&RetrieveIndividuals::new(ids))
            .await
            .unwrap()
    });
    let bytes = reply.body().clone();
    let megabytes = bytes.len() as f64 / 1e6;
    let decoded: IndividualsResponse = reply.json().unwrap();
    assert_eq!(decoded.responses.len(), people);

    let variants: [(&str, &dyn Fn()); 3] = [
        ("finch (RawResponse::json, as send does)", &|| {
            black_box(reply.json::<IndividualsResponse>().unwrap());
        }),
        ("serde_json::from_slice, same structs", &|| {
            black_box(serde_json::from_slice::<IndividualsResponse>(&bytes).unwrap());
        }),
        ("serde_json::from_slice, no union", &|| {
            black_box(serde_json::from_slice::<WithoutUnion>(&bytes).unwrap());
        }),
    ];
    let mut seconds: [Vec<f64>; 3] = Default::default();
    for round in 0..rounds {
        for turn in 0..3 {
            let variant = (round + turn) % 3;
            let start = Instant::now();
            (variants[variant].1)();
            seconds[variant].push(start.elapsed().as_secs_f64());
        }
    }
    println!("{people} individuals, {megabytes:.2} MB, {rounds} rounds (medians)");
    for (variant, (name, _)) in variants.iter().enumerate() {
        let time = median(seconds[variant].clone());
        println!(
            "  {name:<42} {:7.1} ms  {:7.1} MB/s",
            time * 1e3,
            megabytes / time
        );
    }
}

//! A webhook receiver: verifies each delivery with your webhook secret and prints the typed event.
//!
//! ```text
//! # Serve on 127.0.0.1:8080 (or the address given), verifying with FINCH_WEBHOOK_SECRET:
//! FINCH_WEBHOOK_SECRET=... cargo run -p finch --example webhook_receiver -- 0.0.0.0:8080
//!
//! # No secret set: a demo. It serves on a free port with a demo secret, sends itself one signed
//! # delivery (and one forged one, which it rejects), prints what happened and exits.
//! cargo run -p finch --example webhook_receiver
//! ```
//!
//! Deliveries are verified on the raw body, before any JSON parsing: a valid one is answered
//! `200`, one that fails verification `400` (Finch retries non-2xx deliveries).

use bytes::Bytes;
use finch::Finch;
use finch::core::{ReqwestTransport, Transport};
use finch::webhooks::{WebhookError, WebhookEvent, WebhookVerifier};
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::error::Error;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

/// The demo's secret (base64, like the dashboard's). Never use a published secret for real.
const DEMO_SECRET: &str = "ZGVtby13ZWJob29rLXNlY3JldC1mb3ItZmluY2gtcnM=";
/// Deliveries are small; refuse anything bigger.
const MAX_BODY_BYTES: usize = 1024 * 1024;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("webhook_receiver: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    let finch = Finch::from_env()?;
    let demo = finch.webhook_secret().is_none();
    let finch = if demo {
        println!("FINCH_WEBHOOK_SECRET is not set: running the demo with a demo secret");
        Finch::builder().webhook_secret(DEMO_SECRET).build()?
    } else {
        finch
    };
    // Decoding the secret up front: a bad secret stops the receiver before it listens (the error
    // never shows the secret).
    let verifier = Arc::new(finch.webhooks().verifier()?);

    let address = match std::env::args().nth(1) {
        Some(address) => address,
        None if demo => "127.0.0.1:0".to_owned(),
        None => "127.0.0.1:8080".to_owned(),
    };
    let listener = TcpListener::bind(&address).await?;
    let address = listener.local_addr()?;
    println!("listening for Finch webhooks on http://{address}/");
    let server = tokio::spawn(serve(listener, Arc::clone(&verifier)));

    if demo {
        deliver_demo_events(&verifier, &format!("http://{address}/webhooks/finch")).await?;
        server.abort();
        Ok(())
    } else {
        server.await?;
        Ok(())
    }
}

/// Accepts connections until the task is dropped.
async fn serve(listener: TcpListener, verifier: Arc<WebhookVerifier>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                eprintln!("accept failed: {error}");
                continue;
            }
        };
        let verifier = Arc::clone(&verifier);
        tokio::spawn(async move {
            let service = service_fn(move |request| receive(Arc::clone(&verifier), request));
            if let Err(error) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                eprintln!("connection failed: {error}");
            }
        });
    }
}

/// One delivery: verify, parse, print, answer.
async fn receive(
    verifier: Arc<WebhookVerifier>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    if request.method() != Method::POST {
        return Ok(reply(
            StatusCode::METHOD_NOT_ALLOWED,
            "POST deliveries here",
        ));
    }
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(error) => {
            return Ok(reply(StatusCode::PAYLOAD_TOO_LARGE, &error.to_string()));
        }
    };
    match verifier.unwrap(&body, &parts.headers) {
        Ok(event) => {
            print_event(&event);
            Ok(reply(StatusCode::OK, "ok"))
        }
        Err(error) => {
            eprintln!("rejected a delivery: {error}");
            let status = match error {
                WebhookError::InvalidPayload { .. } => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::BAD_REQUEST,
            };
            Ok(reply(status, &error.to_string()))
        }
    }
}

fn reply(status: StatusCode, text: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(format!("{text}\n"))));
    *response.status_mut() = status;
    response
}

fn print_event(event: &WebhookEvent) {
    let company = event.company_id().unwrap_or("?");
    match event {
        WebhookEvent::AccountUpdated(account) => match &account.data {
            Some(data) => println!("[{company}] connection is now {}", data.status),
            None => println!("[{company}] account updated"),
        },
        WebhookEvent::Company(_) => println!("[{company}] company data changed"),
        WebhookEvent::Directory(directory) => println!(
            "[{company}] {}: individual {}",
            directory.event_type,
            individual(
                directory
                    .data
                    .as_ref()
                    .and_then(|data| data.individual_id.as_deref())
            )
        ),
        WebhookEvent::Employment(employment) => println!(
            "[{company}] {}: individual {}",
            employment.event_type,
            individual(
                employment
                    .data
                    .as_ref()
                    .and_then(|data| data.individual_id.as_deref())
            )
        ),
        WebhookEvent::Individual(person) => println!(
            "[{company}] {}: individual {}",
            person.event_type,
            individual(
                person
                    .data
                    .as_ref()
                    .and_then(|data| data.individual_id.as_deref())
            )
        ),
        WebhookEvent::Payment(payment) => match &payment.data {
            Some(data) => println!(
                "[{company}] {}: payment {} on {}",
                payment.event_type,
                data.payment_id,
                data.pay_date.as_str()
            ),
            None => println!("[{company}] {}", payment.event_type),
        },
        WebhookEvent::PayStatement(statement) => {
            println!("[{company}] {}: {:?}", statement.event_type, statement.data)
        }
        WebhookEvent::JobCompletion(job) => match &job.data {
            Some(data) => println!(
                "[{company}] {}: job {} ({})",
                job.event_type, data.job_id, data.job_url
            ),
            None => println!("[{company}] {}", job.event_type),
        },
        other => println!(
            "[{company}] {} (not known to this finch)",
            other.event_type()
        ),
    }
}

fn individual(id: Option<&str>) -> &str {
    id.unwrap_or("(not given)")
}

/// Sends the receiver one delivery signed as Finch signs them, and one forged.
async fn deliver_demo_events(verifier: &WebhookVerifier, url: &str) -> Result<(), Box<dyn Error>> {
    let body = r#"{"company_id":"720be419-0293-4d32-a707-32179b0827ab","account_id":"0e1b38e4-6e7d-4d1c-9c5e-2a8a2c0f7c55","connection_id":"4ab15e51-11ad-49f4-acae-f343b7794375","event_type":"directory.created","data":{"individual_id":"c1ba0a44-d3b6-4bd2-9b2b-5d8d6c2d2f11"}}"#;
    let event_id = "msg_demo_1";
    let timestamp = i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs())?;
    let signature = verifier.sign(event_id, timestamp, body.as_bytes());
    let transport = ReqwestTransport::new()?;

    let send = |body: Bytes| {
        Request::post(url)
            .header("content-type", "application/json")
            .header("finch-event-id", event_id)
            .header("finch-timestamp", timestamp.to_string())
            .header("finch-signature", &signature)
            .body(body)
    };

    println!("\nsending a signed directory.created delivery");
    let response = transport
        .send(send(Bytes::from_static(body.as_bytes()))?)
        .await?;
    println!("receiver answered {}", response.status());

    println!("\nsending the same delivery with a forged body");
    let forged = body.replace("directory.created", "directory.deleted");
    let response = transport.send(send(Bytes::from(forged))?).await?;
    println!("receiver answered {}", response.status());
    Ok(())
}

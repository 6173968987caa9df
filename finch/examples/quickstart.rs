//! The main job: exchange an authorization code, read the company and the whole directory page by
//! page, and print a short summary.
//!
//! With no configuration it runs against a local stand-in of the Finch API (`finch-stand-in`, a
//! dev-dependency of finch):
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! Against the real API (or `FINCH_BASE_URL`), set your application's credentials and either a
//! code from Finch Connect or a connection's access token:
//!
//! ```text
//! FINCH_CLIENT_ID=... FINCH_CLIENT_SECRET=... FINCH_AUTHORIZATION_CODE=... cargo run --example quickstart
//! FINCH_ACCESS_TOKEN=... cargo run --example quickstart
//! ```

use finch::hris::ListDirectory;
use finch::{CreateAccessToken, Finch};
use finch_stand_in::StandIn;
use std::collections::BTreeMap;
use std::error::Error;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // Display, not Debug: finch's errors say what happened in one line.
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    let code = non_empty_env("FINCH_AUTHORIZATION_CODE");
    let access_token = non_empty_env("FINCH_ACCESS_TOKEN");

    // Keep the stand-in alive until the end of `main`.
    let (finch, access_token, _stand_in) = if code.is_some() || access_token.is_some() {
        let finch = Finch::from_env()?;
        println!("Finch API at {}", finch.core().base_url());
        (finch, access_token, None)
    } else {
        let stand_in = StandIn::start().await?;
        println!(
            "No FINCH_AUTHORIZATION_CODE or FINCH_ACCESS_TOKEN set: using the local stand-in at {}",
            stand_in.base_url()
        );
        let finch = Finch::builder()
            .base_url(stand_in.base_url())
            .client_id(stand_in.client_id())
            .client_secret(stand_in.client_secret())
            .build()?;
        (finch, None, Some(stand_in))
    };

    // 1. The connection's access token: given, or exchanged for the authorization code.
    let connection = match access_token {
        Some(token) => finch.with_access_token(token),
        None => {
            let code = match (&code, &_stand_in) {
                (Some(code), _) => code.clone(),
                (None, Some(stand_in)) => stand_in.issue_authorization_code(),
                (None, None) => {
                    return Err("set FINCH_AUTHORIZATION_CODE or FINCH_ACCESS_TOKEN".into());
                }
            };
            let token = finch
                .access_tokens()
                .create(CreateAccessToken::new(code))
                .await?;
            println!(
                "Exchanged the authorization code: connection {} ({}, {} products)",
                token.connection_id,
                token.provider_id,
                token.products.len()
            );
            finch.with_access_token(token.access_token)
        }
    };

    // 2. The company.
    let company = connection.hris().company().retrieve().await?;
    let locations = company.locations.iter().flatten().flatten().count();
    println!(
        "Company: {} (EIN {}, {} location(s), {} department(s))",
        company.legal_name.as_deref().unwrap_or("(no legal name)"),
        company.ein.as_deref().unwrap_or("unknown"),
        locations,
        company.departments.iter().flatten().flatten().count(),
    );

    // 3. The whole directory, one page at a time.
    let mut pages = connection
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(100));
    let (mut page_count, mut people, mut active) = (0, 0, 0);
    let mut departments: BTreeMap<String, usize> = BTreeMap::new();
    while let Some(page) = pages.next_page().await {
        let page = page?;
        // The walk ends on a short or empty page; an empty one is not worth counting.
        page_count += usize::from(!page.individuals.is_empty());
        for person in &page.individuals {
            people += 1;
            active += usize::from(person.is_active == Some(true));
            let department = person.department.as_ref().and_then(|d| d.name.clone());
            *departments
                .entry(department.unwrap_or_else(|| "(none)".to_owned()))
                .or_default() += 1;
        }
    }
    println!("Directory: {people} people ({active} active) in {page_count} page(s)");
    let mut largest: Vec<_> = departments.into_iter().collect();
    largest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (department, count) in largest.iter().take(5) {
        println!("  {count:>4}  {department}");
    }
    Ok(())
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.trim().is_empty())
}

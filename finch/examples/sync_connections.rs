//! Sync several connections from one process: one `Finch` client, one view per connection
//! (`with_access_token`, sharing the client's connection pool), at most three syncs at a time,
//! with a progress display of the people of each connection as they arrive.
//!
//! With no configuration it runs against a local stand-in of the Finch API with five connected
//! companies of different sizes (under a second):
//!
//! ```text
//! cargo run -p finch-sdk --example sync_connections
//! ```
//!
//! Against the real API (or `FINCH_BASE_URL`), give the connections' access tokens:
//!
//! ```text
//! FINCH_ACCESS_TOKENS=token-1,token-2,token-3 cargo run -p finch-sdk --example sync_connections
//! ```
//!
//! Each sync reads the connection's company, then its directory a page at a time, and each
//! page's individuals in one batch; only one page per connection is held at a time.

use finch::hris::{ListDirectory, RetrieveIndividuals};
use finch::sandbox::CreateSandboxConnection;
use finch::{Error, Finch};
use finch_stand_in::StandIn;
use std::io::{IsTerminal, Write};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

/// How many connections sync at once.
const AT_ONCE: usize = 3;

/// What a sync reports as it goes.
enum Progress {
    /// The connection's company and how many people its directory lists (when Finch says).
    Started {
        connection: usize,
        company: String,
        total: Option<u64>,
    },
    /// More individuals arrived.
    Arrived { connection: usize, people: usize },
    /// The sync ended.
    Finished {
        connection: usize,
        outcome: Result<(), Error>,
    },
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Syncs every connection; `Ok(false)` when a sync failed.
async fn run() -> Result<bool, Box<dyn std::error::Error>> {
    let tokens = std::env::var("FINCH_ACCESS_TOKENS").unwrap_or_default();
    let tokens: Vec<String> = tokens
        .split(',')
        .map(str::trim)
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
        .collect();
    // Keep the stand-in alive until the end.
    let (finch, tokens, _stand_in) = if tokens.is_empty() {
        let (finch, tokens, stand_in) = stand_in_connections().await?;
        (finch, tokens, Some(stand_in))
    } else {
        (Finch::from_env()?, tokens, None)
    };

    let (report, mut progress) = mpsc::unbounded_channel();
    let mut display = Display::new(tokens.len());
    let mut waiting = tokens.into_iter().enumerate();
    let mut running = JoinSet::new();
    // At most AT_ONCE syncs at a time: the next starts when one finishes.
    for (connection, token) in waiting.by_ref().take(AT_ONCE) {
        running.spawn(sync(
            finch.with_access_token(token),
            connection,
            report.clone(),
        ));
    }
    let mut all_synced = true;
    while let Some(update) = progress.recv().await {
        if let Progress::Finished { outcome, .. } = &update {
            all_synced &= outcome.is_ok();
            if let Some((connection, token)) = waiting.next() {
                running.spawn(sync(
                    finch.with_access_token(token),
                    connection,
                    report.clone(),
                ));
            }
        }
        display.update(update);
        if display.finished() {
            break;
        }
    }
    while running.join_next().await.is_some() {}
    display.summary();
    Ok(all_synced)
}

/// A stand-in with five connections (its own company and four created through the sandbox),
/// a client of it, and the connections' tokens.
async fn stand_in_connections() -> Result<(Finch, Vec<String>, StandIn), Box<dyn std::error::Error>>
{
    let stand_in = StandIn::builder().employees(400).start().await?;
    println!(
        "No FINCH_ACCESS_TOKENS set: syncing five connections of a local stand-in at {}",
        stand_in.base_url()
    );
    let finch = Finch::builder()
        .base_url(stand_in.base_url())
        .client_id(stand_in.client_id())
        .client_secret(stand_in.client_secret())
        .build()?;
    let mut tokens = vec![stand_in.issue_access_token()];
    for size in [250, 900, 120, 600] {
        let created = finch
            .sandbox()
            .connections()
            .create(CreateSandboxConnection::new("gusto").employee_size(size))
            .await?;
        tokens.push(created.access_token.expose().to_owned());
    }
    Ok((finch, tokens, stand_in))
}

/// Syncs one connection, reporting what arrives.
async fn sync(connection: Finch, index: usize, report: mpsc::UnboundedSender<Progress>) {
    let outcome = sync_people(&connection, index, &report).await;
    let _ = report.send(Progress::Finished {
        connection: index,
        outcome,
    });
}

async fn sync_people(
    connection: &Finch,
    index: usize,
    report: &mpsc::UnboundedSender<Progress>,
) -> Result<(), Error> {
    let company = connection.hris().company().retrieve().await?;
    let mut pages = connection
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(100));
    let mut started = false;
    while let Some(page) = pages.next_page().await {
        let page = page?;
        if !started {
            started = true;
            let _ = report.send(Progress::Started {
                connection: index,
                company: company.legal_name.clone().unwrap_or_default(),
                total: page.paging.count,
            });
        }
        if page.individuals.is_empty() {
            continue;
        }
        let ids = page.individuals.into_iter().map(|person| person.id);
        let batch = connection
            .hris()
            .individuals()
            .retrieve_many(RetrieveIndividuals::new(ids))
            .await?;
        // Items that came back as errors (an unknown id) are not counted as arrived.
        let people = batch
            .responses
            .iter()
            .filter(|item| item.body.data().is_some())
            .count();
        let _ = report.send(Progress::Arrived {
            connection: index,
            people,
        });
    }
    Ok(())
}

/// One line per connection. On a terminal the lines are redrawn in place; otherwise each
/// change prints the line that changed.
struct Display {
    rows: Vec<Row>,
    terminal: bool,
    drawn: bool,
}

#[derive(Default)]
struct Row {
    company: String,
    total: Option<u64>,
    arrived: usize,
    state: &'static str,
}

impl Display {
    fn new(connections: usize) -> Self {
        let rows = (0..connections)
            .map(|_| Row {
                state: "waiting",
                ..Row::default()
            })
            .collect();
        Display {
            rows,
            terminal: std::io::stdout().is_terminal(),
            drawn: false,
        }
    }

    fn update(&mut self, update: Progress) {
        let connection = match update {
            Progress::Started {
                connection,
                company,
                total,
            } => {
                let row = &mut self.rows[connection];
                (row.company, row.total, row.state) = (company, total, "syncing");
                connection
            }
            Progress::Arrived { connection, people } => {
                self.rows[connection].arrived += people;
                connection
            }
            Progress::Finished {
                connection,
                outcome,
            } => {
                self.rows[connection].state = match outcome {
                    Ok(()) => "done",
                    Err(error) => {
                        eprintln!("connection {}: {error}", connection + 1);
                        "failed"
                    }
                };
                connection
            }
        };
        self.draw(connection);
    }

    fn finished(&self) -> bool {
        self.rows
            .iter()
            .all(|row| matches!(row.state, "done" | "failed"))
    }

    fn line(&self, connection: usize) -> String {
        let row = &self.rows[connection];
        let total = row
            .total
            .map_or_else(|| "?".to_owned(), |total| total.to_string());
        format!(
            "connection {:>2}  {:<28} {:>6} / {:<6} {}",
            connection + 1,
            row.company,
            row.arrived,
            total,
            row.state
        )
    }

    fn draw(&mut self, changed: usize) {
        let mut out = std::io::stdout().lock();
        if self.terminal {
            if self.drawn {
                // Back to the first line of the table, then draw it again.
                let _ = write!(out, "\x1b[{}A", self.rows.len());
            }
            for connection in 0..self.rows.len() {
                let _ = writeln!(out, "\x1b[2K{}", self.line(connection));
            }
            self.drawn = true;
        } else {
            let _ = writeln!(out, "{}", self.line(changed));
        }
        let _ = out.flush();
    }

    fn summary(&self) {
        let people: usize = self.rows.iter().map(|row| row.arrived).sum();
        let done = self.rows.iter().filter(|row| row.state == "done").count();
        println!(
            "{done} of {} connections synced, {people} people in all",
            self.rows.len()
        );
    }
}

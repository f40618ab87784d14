//! vmcs-portal: `vmcs serve`, the web portal over the vmcs store. One axum router built from
//! one router per area (`auth`, `api`, `pages`), one [`state::App`], authentication as an
//! extractor ([`auth::Caller`]) and errors turned into responses in one place
//! ([`error::ApiError`]). The pages are clients of the JSON API under `/api/v1`.

pub mod api;
pub mod auth;
pub mod compile;
pub mod compiles;
pub mod configure;
pub mod console;
pub mod deploynet;
pub mod designer;
pub mod designs;
pub mod error;
pub mod hosts;
pub mod jobs;
pub mod ops;
pub mod opspages;
pub mod packages;
pub mod pages;
pub mod panstr;
pub mod rules;
pub mod schema;
pub mod state;

use std::net::SocketAddr;
use std::path::PathBuf;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Options {
    pub listen: SocketAddr,
    /// The state directory (the store is `STATE/vmcs.db`).
    pub state_dir: PathBuf,
    /// Mark the session cookie `Secure` (the portal sits behind TLS).
    pub secure_cookies: bool,
    /// Run the metrics collector in the background.
    pub monitor: bool,
}

/// The whole application.
pub fn app(app: state::App) -> axum::Router {
    axum::Router::new()
        .merge(auth::router())
        .merge(api::router())
        .merge(pages::router())
        .merge(configure::router())
        .merge(packages::router())
        .merge(designs::router())
        .merge(deploynet::router())
        .merge(jobs::router())
        .merge(ops::router())
        .merge(console::router())
        .merge(rules::router())
        .merge(hosts::router())
        .merge(opspages::router())
        .layer(axum::extract::DefaultBodyLimit::max(state::MAX_BODY))
        .with_state(app)
}

/// Serve on an already bound listener until the process ends.
pub async fn serve_on(listener: tokio::net::TcpListener, app: state::App) -> std::io::Result<()> {
    axum::serve(
        listener,
        self::app(app).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// `vmcs serve`: open the store, say how to add the first administrator if there is none,
/// start the metrics collector and serve.
pub fn run(opts: Options) -> miette::Result<()> {
    let app = state::App::open(&opts.state_dir, opts.secure_cookies)?;
    if app.db_blocking(|s| s.user_count())? == 0 {
        eprintln!(
            "no users yet: create the first administrator with\n  vmcs user add NAME --admin --state-dir {}\n(the password is read without echo; --password-stdin reads it from standard input)",
            opts.state_dir.display()
        );
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| miette::miette!("tokio: {e}"))?;
    rt.block_on(async move {
        if opts.monitor {
            state::spawn_collector(app.clone());
        }
        let listener = tokio::net::TcpListener::bind(opts.listen)
            .await
            .map_err(|e| miette::miette!("cannot listen on {}: {e}", opts.listen))?;
        eprintln!("vmcs serve: listening on http://{}", opts.listen);
        serve_on(listener, app)
            .await
            .map_err(|e| miette::miette!("serve: {e}"))
    })
}

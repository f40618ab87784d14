//! The portal's compile service, the one road every portal compile takes: the caller's own
//! templates, one of the compile permits (`App::compiles`, so compiles cannot starve the
//! server), the site's stdlib with the administrators' rule overrides
//! (`rules::stdlib_for_compiles`) and a blocking thread; the confinement and limits
//! themselves are `crate::compile`'s.

use crate::compile::{build_confined, compile_untrusted, Compiled};
use crate::error::ApiResult;
use crate::state::App;
use std::path::Path;

/// The user's own templates, (name, text).
pub async fn own_templates(app: &App, owner: &str) -> ApiResult<Vec<(String, String)>> {
    let o = owner.to_string();
    app.db(move |s| {
        Ok(s.templates(&o)?
            .into_iter()
            .map(|t| (t.name, t.text))
            .collect())
    })
    .await
}

/// Run `f(stdlib, scratch_parent)` on a blocking thread while holding a compile permit,
/// against the site's stdlib.
pub async fn with_compile_slot<T: Send + 'static>(
    app: &App,
    f: impl FnOnce(&Path, &Path) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let stdlib = crate::rules::stdlib_for_compiles(app);
    let tmp = app.0.state_dir.join("portal/tmp");
    app.compile_slot(move || f(&stdlib, &tmp)).await
}

/// Compile `pan` (a VM's object template) for `owner`: their templates, the site's stdlib,
/// the limits; a usable VM profile that asks nothing of the host.
pub async fn compile_for(app: &App, owner: &str, pan: String) -> ApiResult<Compiled> {
    let own = own_templates(app, owner).await?;
    compile_with(app, own, pan).await
}

/// [`compile_for`] with the templates already read (`own` may hold more objects, as a
/// deployed design's members do).
pub async fn compile_with(
    app: &App,
    own: Vec<(String, String)>,
    pan: String,
) -> ApiResult<Compiled> {
    with_compile_slot(app, move |stdlib, tmp| {
        compile_untrusted(stdlib, tmp, &own, &pan)
    })
    .await
}

/// Build `pan` under the same confinement, whatever it describes (a network template):
/// its object name and profile tree.
pub async fn build_for(
    app: &App,
    owner: &str,
    pan: String,
) -> ApiResult<(String, vmcs_pan::Value)> {
    let own = own_templates(app, owner).await?;
    with_compile_slot(app, move |stdlib, tmp| {
        build_confined(stdlib, tmp, &own, &pan)
    })
    .await
}

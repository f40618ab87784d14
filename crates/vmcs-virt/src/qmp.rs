//! A small QMP client: QEMU's JSON control protocol over its unix socket.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

/// An open QMP session (capabilities negotiated).
pub struct Qmp {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
}

impl Qmp {
    /// Connect and negotiate capabilities.
    pub fn connect(socket: &Path) -> std::io::Result<Qmp> {
        let s = UnixStream::connect(socket)?;
        s.set_read_timeout(Some(Duration::from_secs(30)))?;
        let mut q = Qmp {
            reader: BufReader::new(s.try_clone()?),
            writer: s,
        };
        q.read_line()?; // greeting
        q.execute("qmp_capabilities", Value::Null)?;
        Ok(q)
    }

    fn read_line(&mut self) -> std::io::Result<Value> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "QMP closed",
            ));
        }
        serde_json::from_str(&line)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }

    /// Run a command; returns its `return` value (events before it are skipped).
    pub fn execute(&mut self, cmd: &str, args: Value) -> std::io::Result<Value> {
        let msg = if args.is_null() {
            json!({ "execute": cmd })
        } else {
            json!({ "execute": cmd, "arguments": args })
        };
        self.writer.write_all(format!("{msg}\n").as_bytes())?;
        loop {
            let v = self.read_line()?;
            if let Some(r) = v.get("return") {
                return Ok(r.clone());
            }
            if let Some(e) = v.get("error") {
                let desc = e.get("desc").and_then(|d| d.as_str()).unwrap_or("error");
                return Err(std::io::Error::other(format!("QMP {cmd}: {desc}")));
            }
        }
    }

    /// `query-status`'s status (`running`, `paused`, `inmigrate`, `postmigrate`, ...).
    pub fn status(&mut self) -> std::io::Result<String> {
        let r = self.execute("query-status", Value::Null)?;
        Ok(r.get("status")
            .and_then(|s| s.as_str())
            .unwrap_or("unknown")
            .to_string())
    }
}

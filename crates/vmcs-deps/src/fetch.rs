//! Getting index bytes: files or plain `http://` URLs, decompressed by magic number.
//!
//! Supported encodings are lz4 frames (what apt keeps in `/var/lib/apt/lists`), xz, gzip
//! and plain text. The HTTP client is a minimal HTTP/1.1 GET over `std::net::TcpStream`
//! (no TLS): it follows a few redirects and understands `Content-Length` and chunked bodies.

use crate::error::DepsError;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// The compression of an index, as told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Lz4,
    Xz,
    Gzip,
    Plain,
}

impl Encoding {
    /// Detects the encoding from the magic bytes; `Err` names formats we recognise but
    /// cannot read.
    pub fn sniff(head: &[u8]) -> Result<Encoding, &'static str> {
        Ok(match head {
            [0x04, 0x22, 0x4d, 0x18, ..] => Encoding::Lz4,
            [0xfd, b'7', b'z', b'X', b'Z', 0x00, ..] => Encoding::Xz,
            [0x1f, 0x8b, ..] => Encoding::Gzip,
            [b'B', b'Z', b'h', ..] => return Err("bzip2"),
            [0x28, 0xb5, 0x2f, 0xfd, ..] => return Err("zstd"),
            _ => Encoding::Plain,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Encoding::Lz4 => "lz4",
            Encoding::Xz => "xz",
            Encoding::Gzip => "gzip",
            Encoding::Plain => "text",
        }
    }
}

/// A decompressing reader over an index, with a guess of the decompressed size.
pub struct Decoder {
    reader: Box<dyn Read + Send>,
    enc: Encoding,
    /// Expected decompressed size (a guess for compressed input).
    pub size_hint: usize,
    label: String,
}

impl Decoder {
    fn new(enc: Encoding, r: impl Read + Send + 'static, len: usize, label: &str) -> Decoder {
        let reader: Box<dyn Read + Send> = match enc {
            Encoding::Lz4 => Box::new(lz4_flex::frame::FrameDecoder::new(r)),
            Encoding::Xz => Box::new(xz2::read::XzDecoder::new(r)),
            Encoding::Gzip => Box::new(flate2::read::MultiGzDecoder::new(r)),
            Encoding::Plain => Box::new(r),
        };
        let factor = if enc == Encoding::Plain { 1 } else { 3 };
        Decoder {
            reader,
            enc,
            size_hint: len.saturating_mul(factor),
            label: label.to_string(),
        }
    }

    fn error(&self, e: std::io::Error) -> DepsError {
        if self.enc == Encoding::Plain {
            DepsError::io(&self.label, &e)
        } else {
            DepsError::Decompress {
                path: self.label.clone(),
                format: self.enc.name(),
                message: e.to_string().to_lowercase(),
            }
        }
    }

    /// Fills `out` with decompressed bytes; returns how many (fewer only at the end).
    pub fn fill(&mut self, out: &mut [u8]) -> Result<usize, DepsError> {
        let mut n = 0;
        while n < out.len() {
            match self.reader.read(&mut out[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.error(e)),
            }
        }
        Ok(n)
    }

    /// Reads everything that is left.
    pub fn read_all(mut self) -> Result<Vec<u8>, DepsError> {
        // Unused capacity is never touched: a generous guess costs address space only.
        let mut out = Vec::with_capacity(self.size_hint + 4096);
        match self.reader.read_to_end(&mut out) {
            Ok(_) => Ok(out),
            Err(e) => Err(self.error(e)),
        }
    }
}

/// A decoder over bytes already in memory.
pub fn decoder_for_bytes(label: &str, raw: Vec<u8>) -> Result<Decoder, DepsError> {
    let enc = Encoding::sniff(&raw).map_err(|f| unsupported(label, f))?;
    let len = raw.len();
    Ok(Decoder::new(enc, std::io::Cursor::new(raw), len, label))
}

/// Decompresses bytes already in memory.
pub fn decompress(label: &str, raw: &[u8]) -> Result<Vec<u8>, DepsError> {
    decoder_for_bytes(label, raw.to_vec())?.read_all()
}

fn unsupported(label: &str, format: &'static str) -> DepsError {
    DepsError::Decompress {
        path: label.to_string(),
        format,
        message: "this compression is not supported (use lz4, xz, gzip or plain text)".into(),
    }
}

/// A decoder over a file, streaming so the compressed bytes are never all in memory.
pub fn decoder_for_file(path: &str) -> Result<Decoder, DepsError> {
    let mut f = File::open(path).map_err(|e| DepsError::io(path, &e))?;
    let len = f.metadata().map(|m| m.len() as usize).unwrap_or(0);
    let mut head = [0u8; 6];
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(DepsError::io(path, &e)),
        }
    }
    let enc = Encoding::sniff(&head[..n]).map_err(|fmt| unsupported(path, fmt))?;
    f.seek(SeekFrom::Start(0))
        .map_err(|e| DepsError::io(path, &e))?;
    // The decompressors read in large blocks themselves; plain text wants a buffer.
    Ok(match enc {
        Encoding::Lz4 => Decoder::new(enc, f, len, path),
        _ => Decoder::new(enc, BufReader::with_capacity(1 << 16, f), len, path),
    })
}

/// Reads and decompresses a file.
pub fn read_file(path: &str) -> Result<Vec<u8>, DepsError> {
    decoder_for_file(path)?.read_all()
}

/// A decoder over a path or an `http://` URL.
pub fn open_source(spec: &str) -> Result<Decoder, DepsError> {
    if let Some((scheme, _)) = spec.split_once("://") {
        if scheme != "http" {
            return Err(DepsError::Fetch {
                url: spec.to_string(),
                message: format!("unsupported url scheme `{scheme}`"),
            });
        }
        return decoder_for_bytes(spec, http_get(spec)?);
    }
    decoder_for_file(spec)
}

/// Reads an index from a path or an `http://` URL and decompresses it.
pub fn read_source(spec: &str) -> Result<Vec<u8>, DepsError> {
    open_source(spec)?.read_all()
}

/// Fetches a URL with HTTP/1.1 GET, following up to five redirects.
pub fn http_get(url: &str) -> Result<Vec<u8>, DepsError> {
    let mut url = url.to_string();
    for _ in 0..5 {
        match http_once(&url)? {
            Reply::Body(b) => return Ok(b),
            Reply::Redirect(to) => {
                if !to.starts_with("http://") {
                    return Err(DepsError::Fetch {
                        url,
                        message: format!("redirected to `{to}`, which is not plain http"),
                    });
                }
                url = to;
            }
        }
    }
    Err(DepsError::Fetch {
        url,
        message: "too many redirects".into(),
    })
}

enum Reply {
    Body(Vec<u8>),
    Redirect(String),
}

fn http_once(url: &str) -> Result<Reply, DepsError> {
    let fail = |m: String| DepsError::Fetch {
        url: url.to_string(),
        message: m,
    };
    let rest = url.strip_prefix("http://").unwrap_or(url);
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse::<u16>()
                .map_err(|_| fail(format!("bad port `{p}`")))?,
        ),
        None => (hostport, 80),
    };
    if host.is_empty() {
        return Err(fail("missing host".into()));
    }
    let addr = (host, port)
        .to_socket_addrs()
        .map_err(|e| fail(format!("cannot resolve `{host}`: {e}")))?
        .next()
        .ok_or_else(|| fail(format!("no address for `{host}`")))?;
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(20))
        .map_err(|e| fail(format!("cannot connect: {e}")))?;
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: {hostport}\r\nUser-Agent: vmcs-deps\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n"
    );
    s.write_all(req.as_bytes())
        .map_err(|e| fail(format!("cannot send request: {e}")))?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)
        .map_err(|e| fail(format!("cannot read reply: {e}")))?;
    parse_reply(&raw).map_err(fail)
}

/// Splits an HTTP/1.1 reply into status, headers and body.
fn parse_reply(raw: &[u8]) -> Result<Reply, String> {
    let end = memchr::memmem::find(raw, b"\r\n\r\n").ok_or("reply has no header end")?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| "reply headers are not text")?;
    let body = &raw[end + 4..];
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let code: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("bad status line `{status_line}`"))?;
    let mut headers = Vec::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let header = |k: &str| {
        headers
            .iter()
            .find(|(h, _)| h == k)
            .map(|(_, v)| v.as_str())
    };
    if matches!(code, 301 | 302 | 303 | 307 | 308) {
        let to = header("location").ok_or("redirect without location")?;
        return Ok(Reply::Redirect(to.to_string()));
    }
    if code != 200 {
        return Err(format!("server answered `{status_line}`"));
    }
    if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        return dechunk(body).map(Reply::Body);
    }
    if let Some(len) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        if body.len() < len {
            return Err(format!("body is {} bytes, expected {len}", body.len()));
        }
        return Ok(Reply::Body(body[..len].to_vec()));
    }
    Ok(Reply::Body(body.to_vec()))
}

fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = memchr::memmem::find(body, b"\r\n").ok_or("truncated chunk header")?;
        let size_txt = std::str::from_utf8(&body[..eol]).map_err(|_| "bad chunk header")?;
        let size_txt = size_txt.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_txt, 16)
            .map_err(|_| format!("bad chunk size `{size_txt}`"))?;
        body = &body[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if body.len() < size {
            return Err("truncated chunk".into());
        }
        out.extend_from_slice(&body[..size]);
        body = body.get(size + 2..).ok_or("truncated chunk")?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_magic_numbers() {
        assert_eq!(
            Encoding::sniff(&[4, 0x22, 0x4d, 0x18, 0]),
            Ok(Encoding::Lz4)
        );
        assert_eq!(Encoding::sniff(b"\xfd7zXZ\0"), Ok(Encoding::Xz));
        assert_eq!(Encoding::sniff(&[0x1f, 0x8b, 8]), Ok(Encoding::Gzip));
        assert_eq!(Encoding::sniff(b"Package: a"), Ok(Encoding::Plain));
        assert_eq!(Encoding::sniff(b"BZh9"), Err("bzip2"));
        assert_eq!(Encoding::sniff(b""), Ok(Encoding::Plain));
    }

    #[test]
    fn round_trips_every_encoding() {
        let text = b"Package: a\nVersion: 1\nArchitecture: all\n\n".repeat(50);
        let mut lz = lz4_flex::frame::FrameEncoder::new(Vec::new());
        lz.write_all(&text).unwrap();
        let lz = lz.finish().unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        let mut xz = xz2::write::XzEncoder::new(Vec::new(), 1);
        xz.write_all(&text).unwrap();
        let xz = xz.finish().unwrap();
        for raw in [&lz, &gz, &xz, &text] {
            assert_eq!(decompress("t", raw).unwrap(), text);
        }
        // Cut in the middle: every compressed format must fail, not panic or truncate quietly.
        for raw in [&lz, &gz, &xz] {
            let err = decompress("cut", &raw[..raw.len() / 2]).unwrap_err();
            assert_eq!(err.code_str(), "vmcs::deps::bad_compression", "{err}");
        }
    }

    #[test]
    fn parses_http_replies() {
        let r = parse_reply(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef").unwrap();
        assert!(matches!(r, Reply::Body(b) if b == b"abc"));
        let r = parse_reply(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
        )
        .unwrap();
        assert!(matches!(r, Reply::Body(b) if b == b"abcde"));
        let r = parse_reply(b"HTTP/1.1 302 Found\r\nLocation: http://x/y\r\n\r\n").unwrap();
        assert!(matches!(r, Reply::Redirect(u) if u == "http://x/y"));
        assert!(parse_reply(b"HTTP/1.1 404 Not Found\r\n\r\n").is_err());
        assert!(parse_reply(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab").is_err());
    }
}

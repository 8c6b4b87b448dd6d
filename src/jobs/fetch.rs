//! Fetching a job page for `POST /jobs/import {"url"}` without becoming a proxy into the
//! server's own network (SSRF).
//!
//! The rules, each checked on every redirect hop:
//! - http and https only, no credentials in the URL, at most 3 redirects;
//! - the address actually connected to must be public: not loopback, private, link-local
//!   (169.254.0.0/16, cloud metadata), CGNAT, multicast, unspecified, broadcast or reserved,
//!   for IPv4, IPv6 and IPv4 embedded in IPv6 (mapped, NAT64, 6to4) alike. Names are resolved by
//!   our own resolver, which hands the HTTP client only the public addresses, so a name that
//!   resolves differently the second time (DNS rebinding) cannot reach a private address; the
//!   peer address of the response is checked again;
//! - no proxy from the environment, a total time limit, a byte limit counted while streaming,
//!   and HTML content types only.
//!
//! The page is decoded by the HTML standard's rules as far as they can be applied before
//! parsing ([`decode_page`]): a byte-order mark, then the `charset` of the Content-Type, then a
//! `<meta charset>` in the first 1,024 bytes; with no declaration, UTF-8 unless the bytes are
//! mostly not UTF-8, then Windows-1252 (the web's legacy default).
//!
//! `JOBWISE_FETCH_ALLOW_PRIVATE=true` lifts the address rule (intranet job boards, tests).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Limits of a page fetch, from the configuration.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    /// Whether URL imports may fetch at all (`JOBWISE_FETCH_ENABLED`, default true): off on
    /// servers that must make no outbound requests (and under schema fuzzing).
    pub enabled: bool,
    /// Allow loopback and private addresses (`JOBWISE_FETCH_ALLOW_PRIVATE`).
    pub allow_private: bool,
    /// Whole-fetch time limit (`JOBWISE_FETCH_TIMEOUT_SECS`, default 10 s).
    pub timeout: Duration,
    /// Largest page accepted (`JOBWISE_FETCH_MAX_BYTES`, default 5 MiB).
    pub max_bytes: usize,
    /// Redirects followed (3).
    pub max_redirects: usize,
}

/// Why a page could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The URL (or a redirect) is not allowed, or the answer is not an HTML page of an
    /// acceptable size: the client's input, a 422 on `url`.
    Refused(String),
    /// The page could not be reached or answered with an error: a 502 `fetch_failed`.
    Failed(String),
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct FetchedPage {
    /// The URL after redirects.
    pub final_url: Url,
    /// The page, decoded by its declared or sniffed encoding (see [`decode_page`]).
    pub html: String,
}

/// Whether an address is on the public internet (see the module rules).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let blocked = ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // CGNAT 100.64.0.0/10
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) // documentation
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240; // reserved
    !blocked
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if ip.is_unspecified() || ip.is_loopback() || ip.is_multicast() {
        return false;
    }
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let segments = ip.segments();
    let embedded_v4 = |high: u16, low: u16| {
        Ipv4Addr::new((high >> 8) as u8, high as u8, (low >> 8) as u8, low as u8)
    };
    // IPv4-compatible (::a.b.c.d, deprecated) and NAT64 (64:ff9b::/96) carry an IPv4 address
    // in their last 32 bits; 6to4 (2002::/16) in bits 16..48.
    if segments[..6] == [0, 0, 0, 0, 0, 0] {
        return is_public_v4(embedded_v4(segments[6], segments[7]));
    }
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return is_public_v4(embedded_v4(segments[6], segments[7]));
    }
    if segments[0] == 0x2002 {
        return is_public_v4(embedded_v4(segments[1], segments[2]));
    }
    let first = segments[0];
    let blocked = (first & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (first & 0xffc0) == 0xfec0 // site-local fec0::/10 (deprecated)
        || (first == 0x2001 && segments[1] == 0x0db8) // documentation
        || (first == 0x0100 && segments[1..4] == [0, 0, 0]); // discard-only 100::/64
    !blocked
}

/// Checks a URL (the first one or a redirect target) before any connection: scheme, no
/// credentials, a host, and, when the host is an IP literal, the address rule.
pub fn check_url(url: &Url, allow_private: bool) -> Result<(), String> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "only http and https pages can be imported, not {}:",
            url.scheme()
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("URLs with a user name or password are not fetched".into());
    }
    let literal = match url.host() {
        None => return Err("the URL has no host".into()),
        Some(url::Host::Domain(_)) => None,
        Some(url::Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
        Some(url::Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
    };
    match literal {
        Some(ip) if !allow_private && !is_public(ip) => Err(private_message(ip)),
        _ => Ok(()),
    }
}

fn private_message(ip: IpAddr) -> String {
    format!(
        "{ip} is a loopback, private, link-local or otherwise non-public address; only public \
         pages are fetched"
    )
}

/// The resolver the HTTP client uses: the system's, keeping only public addresses (unless
/// private ones are allowed), and remembering why a name was refused.
struct GuardedResolver {
    allow_private: bool,
    refusal: Refusal,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let refusal = Arc::clone(&self.refusal);
        Box::pin(async move {
            let host = name.as_str().to_string();
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|addr| allow_private || is_public(addr.ip()))
                .collect();
            if allowed.is_empty() && !found.is_empty() {
                let message = format!(
                    "{host} resolves to {}, which is not a public address; only public pages are \
                     fetched",
                    found[0].ip()
                );
                record_refusal(&refusal, message.clone());
                return Err(message.into());
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

/// Why the guards refused a name or a redirect, written by the resolver or the redirect
/// policy (which can only fail the request with an opaque error) and read after the request.
type Refusal = Arc<Mutex<Option<String>>>;

fn take_refusal(refusal: &Refusal) -> Option<FetchError> {
    refusal
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .map(FetchError::Refused)
}

fn record_refusal(refusal: &Refusal, message: String) {
    *refusal.lock().unwrap_or_else(|e| e.into_inner()) = Some(message);
}

/// Fetches `url` under `settings` (see the module rules).
pub async fn fetch_page(settings: &FetchSettings, url: &str) -> Result<FetchedPage, FetchError> {
    if !settings.enabled {
        return Err(FetchError::Refused(
            "this server does not fetch pages; send the page's html instead".into(),
        ));
    }
    let url = Url::parse(url.trim())
        .map_err(|e| FetchError::Refused(format!("is not a valid URL ({e})")))?;
    check_url(&url, settings.allow_private).map_err(FetchError::Refused)?;

    let refusal = Refusal::default();
    let client = guarded_client(settings, &refusal)?;
    let response = match client
        .get(url)
        .header(reqwest::header::ACCEPT, "text/html,application/xhtml+xml")
        .send()
        .await
    {
        Ok(response) => response,
        Err(e) => return Err(take_refusal(&refusal).unwrap_or_else(|| describe(settings, &e))),
    };
    check_response(settings, &response)?;
    let final_url = response.url().clone();
    let html = read_body(settings, response).await?;
    Ok(FetchedPage { final_url, html })
}

/// An HTTP client that resolves names through [`GuardedResolver`], checks every redirect hop
/// with [`check_url`], follows at most `max_redirects`, ignores proxies from the environment
/// and gives up after the timeout.
fn guarded_client(
    settings: &FetchSettings,
    refusal: &Refusal,
) -> Result<reqwest::Client, FetchError> {
    let (allow_private, max_redirects) = (settings.allow_private, settings.max_redirects);
    let redirect_refusal = Arc::clone(refusal);
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max_redirects {
            return attempt.error(format!("more than {max_redirects} redirects"));
        }
        match check_url(attempt.url(), allow_private) {
            Ok(()) => attempt.follow(),
            Err(reason) => {
                let message = format!("redirects to {}: {reason}", attempt.url());
                record_refusal(&redirect_refusal, message.clone());
                attempt.error(message)
            }
        }
    });
    reqwest::Client::builder()
        .no_proxy()
        .redirect(policy)
        .timeout(settings.timeout)
        .connect_timeout(settings.timeout)
        .user_agent(concat!(
            "JobWise/",
            env!("CARGO_PKG_VERSION"),
            " (job page import)"
        ))
        .dns_resolver(Arc::new(GuardedResolver {
            allow_private,
            refusal: Arc::clone(refusal),
        }))
        .build()
        .map_err(|e| FetchError::Failed(format!("could not start the fetch ({e})")))
}

/// A transport error in words a user can act on.
fn describe(settings: &FetchSettings, e: &reqwest::Error) -> FetchError {
    let message = if e.is_timeout() {
        format!(
            "the page did not answer within {} s",
            settings.timeout.as_secs()
        )
    } else if e.is_redirect() {
        format!(
            "the page redirects more than {} times",
            settings.max_redirects
        )
    } else if e.is_connect() {
        "could not connect to the page's server".into()
    } else {
        "the page could not be fetched".into()
    };
    FetchError::Failed(message)
}

/// The answer's peer address, status, content type and announced size.
fn check_response(
    settings: &FetchSettings,
    response: &reqwest::Response,
) -> Result<(), FetchError> {
    if let Some(peer) = response.remote_addr()
        && !settings.allow_private
        && !is_public(peer.ip())
    {
        return Err(FetchError::Refused(private_message(peer.ip())));
    }
    let status = response.status();
    if status.is_redirection() {
        // A redirect the client did not follow: one to a scheme it cannot fetch.
        let target = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|location| response.url().join(location).ok());
        if let Some(target) = target
            && let Err(reason) = check_url(&target, settings.allow_private)
        {
            return Err(FetchError::Refused(format!(
                "redirects to {target}: {reason}"
            )));
        }
    }
    if !status.is_success() {
        return Err(FetchError::Failed(format!(
            "the page answered HTTP {status}"
        )));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    if !matches!(essence.as_str(), "text/html" | "application/xhtml+xml") {
        let shown = if essence.is_empty() {
            "no content type".to_string()
        } else {
            essence
        };
        return Err(FetchError::Refused(format!(
            "the page is not HTML ({shown}); paste the posting's text into POST /jobs instead"
        )));
    }
    if response
        .content_length()
        .is_some_and(|n| n > settings.max_bytes as u64)
    {
        return Err(too_large(settings));
    }
    Ok(())
}

fn too_large(settings: &FetchSettings) -> FetchError {
    FetchError::Refused(format!(
        "the page is larger than {} bytes",
        settings.max_bytes
    ))
}

/// The body, streamed and counted against `max_bytes`, decoded by [`decode_page`].
async fn read_body(
    settings: &FetchSettings,
    mut response: reqwest::Response,
) -> Result<String, FetchError> {
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut body: Vec<u8> = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > settings.max_bytes {
                    return Err(too_large(settings));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) => return Err(describe(settings, &e)),
        }
    }
    Ok(decode_page(&body, content_type.as_deref()))
}

/// How far into a page a `<meta charset>` is looked for (the HTML standard's prescan length).
const META_PRESCAN_BYTES: usize = 1024;

/// A page's bytes as text: the byte-order mark first, then the `charset` parameter of
/// `content_type`, then a `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` in the first 1,024 bytes (the standard's prescan); with none of these, UTF-8
/// unless the bytes are mostly not UTF-8, then Windows-1252 (older Latin-script sites that
/// never say). A UTF-8 page with a stray byte stays UTF-8. Bytes the encoding cannot map
/// become U+FFFD.
pub fn decode_page(body: &[u8], content_type: Option<&str>) -> String {
    let declared = content_type
        .and_then(charset_parameter)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .or_else(|| meta_charset(&body[..body.len().min(META_PRESCAN_BYTES)]));
    let encoding = match declared {
        Some(encoding) => encoding,
        None if mostly_utf8(body) => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    // `decode` honours a byte-order mark over the declared encoding, as browsers do.
    let (text, _, _) = encoding.decode(body);
    text.into_owned()
}

/// Whether bytes read as UTF-8 hold more well-formed non-ASCII characters than broken
/// sequences (pure ASCII counts as UTF-8).
fn mostly_utf8(body: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in body.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= bad
}

/// The value of a `charset=` parameter (`text/html; charset="ISO-8859-1"`).
fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The encoding a `<meta>` tag in `head` declares. A page that declares UTF-16 in ASCII bytes
/// is not UTF-16, so that reads as UTF-8 (as the HTML standard says).
fn meta_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(start) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = find(&lower[start..], b">").map_or(lower.len(), |i| i + start);
        if let Some(encoding) =
            charset_label(&lower[start..end]).and_then(encoding_rs::Encoding::for_label)
        {
            let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
            return Some(if utf16 { encoding_rs::UTF_8 } else { encoding });
        }
        from = end;
    }
    None
}

/// The label after `charset=` in one (lower-cased) `<meta …>` tag, quoted or not.
fn charset_label(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let value = tag[at + b"charset".len()..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let value = value
        .strip_prefix(b"\"")
        .or(value.strip_prefix(b"'"))
        .unwrap_or(value);
    let len = value
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
        .count();
    Some(&value[..len])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_pages_by_their_declared_or_sniffed_encoding() {
        // "Técnico de operación" in Windows-1252 / ISO-8859-1 bytes.
        let latin = b"<p>T\xe9cnico de operaci\xf3n</p>";
        let wanted = "<p>Técnico de operación</p>";
        assert_eq!(
            decode_page(latin, None),
            wanted,
            "no declaration, not UTF-8"
        );
        assert_eq!(
            decode_page(latin, Some("text/html; charset=\"ISO-8859-1\"")),
            wanted
        );
        let meta = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><p>T\xe9cnico</p>";
        assert!(decode_page(meta, None).contains("Técnico"));
        let meta = b"<meta charset='windows-1250'><p>Gda\xf1sk</p>";
        assert!(decode_page(meta, None).contains("Gdańsk"));
        // UTF-8 stays UTF-8, with or without a declaration; a BOM wins over a wrong header.
        let utf8 = "<p>Técnico 技术员</p>".as_bytes();
        assert_eq!(decode_page(utf8, None), "<p>Técnico 技术员</p>");
        assert_eq!(
            decode_page(utf8, Some("text/html; charset=utf-8")),
            "<p>Técnico 技术员</p>"
        );
        let bom = [b"\xef\xbb\xbf".as_slice(), utf8].concat();
        assert_eq!(
            decode_page(&bom, Some("text/html; charset=iso-8859-1")),
            "<p>Técnico 技术员</p>"
        );
        // A page claiming UTF-16 in ASCII bytes is read as UTF-8; an unknown label is ignored.
        let claims = "<meta charset=\"utf-16\"><p>Técnico</p>".as_bytes();
        assert!(decode_page(claims, None).contains("Técnico"));
        assert!(decode_page(utf8, Some("text/html; charset=no-such")).contains("技术员"));
        // A UTF-8 page with one stray byte keeps its UTF-8 text.
        let stray = [utf8, b"\xff".as_slice(), "<p>Gdańsk</p>".as_bytes()].concat();
        let read = decode_page(&stray, None);
        assert!(read.contains("技术员") && read.contains("Gdańsk"), "{read}");
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn classifies_addresses() {
        for blocked in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "240.0.0.1",
            "::",
            "::1",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2001:db8::1",
        ] {
            assert!(!is_public(ip(blocked)), "{blocked} must be refused");
        }
        for public in [
            "8.8.8.8",
            "1.1.1.1",
            "100.63.255.255",
            "100.128.0.1",
            "172.32.0.1",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(is_public(ip(public)), "{public} is public");
        }
    }

    #[test]
    fn checks_urls_before_connecting() {
        let check = |u: &str| check_url(&Url::parse(u).unwrap(), false);
        assert!(check("https://jobs.example.com/1").is_ok());
        assert!(check("http://203.0.114.7/").is_ok());
        for refused in [
            "ftp://example.com/job",
            "file:///etc/passwd",
            "http://user:pw@example.com/",
            "http://127.0.0.1:8000/",
            "http://[::1]/",
            "http://[::ffff:7f00:1]/",
            "http://169.254.169.254/latest/meta-data/",
            "http://2130706433/",
            "http://0x7f.1/",
        ] {
            assert!(check(refused).is_err(), "{refused} must be refused");
        }
        assert!(check_url(&Url::parse("http://127.0.0.1/").unwrap(), true).is_ok());
    }
}

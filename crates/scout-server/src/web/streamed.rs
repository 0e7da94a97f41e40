//! Pages sent while they are made: the part that is ready goes out at once
//! (the browser paints it and fetches the style sheet and script) and the
//! rest follows piece by piece. A search page sends its reading — the box
//! and the chips — before the search runs, then the total with the first
//! card, then the other cards, then the rest.
//!
//! Compressed here rather than by the router's compression layer, which
//! holds a streamed body back until its encoder's buffer fills (tower-http
//! #292): each piece is gzip-compressed and flushed (`Z_SYNC_FLUSH`), so
//! the browser can inflate and paint it on arrival. A flush ends a
//! compressed block (with its own code tables), so pieces are few: what is
//! ready at the same moment is written together and sent once. The layer leaves a body
//! that already has a `Content-Encoding` alone.

use std::convert::Infallible;
use std::io::Write;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use flate2::write::GzEncoder;
use flate2::Compression;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

/// Pieces in flight between the page's maker and the connection.
const IN_FLIGHT: usize = 32;

/// The sending end of a streamed page.
pub(crate) struct PageWriter {
    to_client: mpsc::Sender<Result<Bytes, Infallible>>,
    gzip: Option<GzEncoder<Vec<u8>>>,
    /// Written, not yet sent (uncompressed pages).
    pending: Vec<u8>,
}

impl PageWriter {
    /// Adds `html` to what the next [`PageWriter::send`] sends (each piece
    /// sent costs a compressed block of its own, so what is ready together
    /// goes together).
    pub(crate) fn write(&mut self, html: &str) {
        match &mut self.gzip {
            None => self.pending.extend_from_slice(html.as_bytes()),
            // writing into a Vec cannot fail
            Some(gzip) => {
                let _ = gzip.write_all(html.as_bytes());
            }
        }
    }

    /// Sends `html` and everything written before it now. False once the
    /// client has gone (stop making the page).
    pub(crate) async fn send(&mut self, html: &str) -> bool {
        self.write(html);
        let bytes = match &mut self.gzip {
            None => Bytes::from(std::mem::take(&mut self.pending)),
            Some(gzip) => {
                if gzip.flush().is_err() {
                    return false;
                }
                Bytes::from(std::mem::take(gzip.get_mut()))
            }
        };
        self.to_client.send(Ok(bytes)).await.is_ok()
    }

    /// Ends the page: what was written last, and the gzip trailer when
    /// compressed.
    pub(crate) async fn finish(self) {
        let rest = match self.gzip {
            Some(gzip) => gzip.finish().unwrap_or_default(),
            None => self.pending,
        };
        if !rest.is_empty() {
            let _ = self.to_client.send(Ok(Bytes::from(rest))).await;
        }
    }
}

/// A `200` HTML response whose body is what the returned writer sends,
/// gzip-compressed when the request accepts it.
pub(crate) fn page(request: &HeaderMap) -> (PageWriter, Response) {
    let (to_client, from_maker) = mpsc::channel(IN_FLIGHT);
    let gzip = accepts_gzip(request).then(|| GzEncoder::new(Vec::new(), Compression::default()));
    let mut response = (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::VARY, "accept-encoding"),
        ],
        Body::from_stream(ReceiverStream::new(from_maker)),
    )
        .into_response();
    if gzip.is_some() {
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    (
        PageWriter {
            to_client,
            gzip,
            pending: Vec::new(),
        },
        response,
    )
}

/// Whether `Accept-Encoding` lists gzip without refusing it (`q=0`).
fn accepts_gzip(request: &HeaderMap) -> bool {
    request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        h
    }

    #[test]
    fn gzip_is_used_only_when_accepted() {
        assert!(accepts_gzip(&headers("gzip, deflate, br")));
        assert!(accepts_gzip(&headers("br;q=1.0, gzip;q=0.8")));
        assert!(!accepts_gzip(&headers("gzip;q=0")));
        assert!(!accepts_gzip(&headers("br")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[tokio::test]
    async fn every_piece_can_be_inflated_on_arrival() {
        let (mut writer, response) = page(&headers("gzip"));
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
        let mut body = response.into_body().into_data_stream();
        let maker = tokio::spawn(async move {
            assert!(writer.send("<p>first</p>").await);
            assert!(writer.send("<p>second</p>").await);
            writer.finish().await;
        });
        use tokio_stream::StreamExt;
        let mut received = Vec::new();
        let first = body.next().await.unwrap().unwrap();
        received.extend_from_slice(&first);
        // the first piece alone inflates to the first piece's text
        let mut partial = Vec::new();
        let _ = flate2::read::GzDecoder::new(&received[..]).read_to_end(&mut partial);
        assert_eq!(partial, b"<p>first</p>");
        while let Some(piece) = body.next().await {
            received.extend_from_slice(&piece.unwrap());
        }
        maker.await.unwrap();
        let mut whole = String::new();
        flate2::read::GzDecoder::new(&received[..])
            .read_to_string(&mut whole)
            .unwrap();
        assert_eq!(whole, "<p>first</p><p>second</p>");
    }
}

//! The real server on a loopback port: graceful shutdown lets in-flight requests finish.

use std::time::Duration;

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::helpers::TestApp;

#[tokio::test]
async fn shutdown_lets_in_flight_requests_finish() {
    // A costly password hash makes login take long enough to be "in flight" at shutdown.
    let app = TestApp::with_env(&[
        ("JOBWISE_ARGON2_MEMORY_KIB", "65536"),
        ("JOBWISE_ARGON2_ITERATIONS", "4"),
    ])
    .await;
    app.register("slow@example.com").await;

    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(jobwise::cli::serve_until(
        listener,
        app.state.clone(),
        async move {
            let _ = stopped.await;
        },
    ));

    let body = json!({"email": "slow@example.com", "password": "Passw0rd!"}).to_string();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(30)).await;
    stop.send(()).unwrap();

    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("access_token"));

    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("server stops after the in-flight request")
        .unwrap()
        .unwrap();
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "no new connections after shutdown"
    );
}

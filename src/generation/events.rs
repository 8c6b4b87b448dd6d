//! Progress fan-out: workers publish every stage change of a generation; `GET
//! /generations/{id}/events` subscribers receive them as Server-Sent Events.
//!
//! In one process the hub is a broadcast channel per generation (no database round trip per
//! event). Across processes (API and `jobwise worker` on PostgreSQL) the stream also re-reads
//! the row every [`POLL_INTERVAL`], so a subscriber sees progress made elsewhere, with at most
//! that delay (stages finished in between are reported as one change).

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use tokio::sync::broadcast;
use uuid::Uuid;

use super::model::GenerationView;
use super::store;
use crate::db::Db;

/// How often a stream re-reads the row for progress made by other processes.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);
/// Keep-alive comment interval.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Per-generation broadcast channels.
#[derive(Debug, Default, Clone)]
pub struct EventHub {
    channels: Arc<Mutex<HashMap<Uuid, broadcast::Sender<GenerationView>>>>,
}

impl EventHub {
    /// Subscribes to a generation's changes.
    pub fn subscribe(&self, id: Uuid) -> broadcast::Receiver<GenerationView> {
        let mut channels = self.channels.lock().expect("event hub lock");
        channels
            .entry(id)
            .or_insert_with(|| broadcast::channel(16).0)
            .subscribe()
    }

    /// Publishes a change; drops the channel once the generation has finished.
    pub fn publish(&self, view: &GenerationView) {
        let mut channels = self.channels.lock().expect("event hub lock");
        if let Some(sender) = channels.get(&view.generation_id) {
            let _ = sender.send(view.clone());
        }
        if view.status.is_finished()
            || channels
                .get(&view.generation_id)
                .is_some_and(|s| s.receiver_count() == 0)
        {
            channels.remove(&view.generation_id);
        }
    }
}

/// The SSE event for a state: `stage` while pending/running, else the terminal status name.
fn event_for(view: &GenerationView) -> Event {
    let (name, data) = if view.status.is_finished() {
        (
            view.status.as_str(),
            serde_json::to_string(view).unwrap_or_default(),
        )
    } else {
        (
            "stage",
            serde_json::to_string(&view.progress).unwrap_or_default(),
        )
    };
    Event::default().event(name).data(data)
}

/// What a stream has already told its subscriber.
fn marker(view: &GenerationView) -> (u8, u8, &'static str) {
    (
        view.progress.current_stage,
        view.progress.percentage,
        view.status.as_str(),
    )
}

struct StreamState {
    db: Db,
    id: Uuid,
    rx: broadcast::Receiver<GenerationView>,
    rx_open: bool,
    poll: tokio::time::Interval,
    last: (u8, u8, &'static str),
    pending_first: Option<GenerationView>,
    done: bool,
}

/// The event stream of a generation whose current state is `current` (the caller has checked
/// ownership and subscribed before reading `current`, so no change is lost).
pub fn stream(
    db: Db,
    rx: broadcast::Receiver<GenerationView>,
    current: GenerationView,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut poll = tokio::time::interval(POLL_INTERVAL);
    poll.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let state = StreamState {
        db,
        id: current.generation_id,
        rx,
        rx_open: true,
        poll,
        last: (u8::MAX, u8::MAX, ""),
        pending_first: Some(current),
        done: false,
    };
    let events = futures_util::stream::unfold(state, |mut s| async move {
        if s.done {
            return None;
        }
        loop {
            let next = if let Some(first) = s.pending_first.take() {
                Some(first)
            } else {
                tokio::select! {
                    received = s.rx.recv(), if s.rx_open => match received {
                        Ok(view) => Some(view),
                        // Missed messages: read the row instead.
                        Err(broadcast::error::RecvError::Lagged(_)) => {
                            store::load_view_any(&s.db, s.id).await.ok().flatten()
                        }
                        // No publisher left in this process: rely on polling.
                        Err(broadcast::error::RecvError::Closed) => {
                            s.rx_open = false;
                            continue;
                        }
                    },
                    _ = s.poll.tick() => store::load_view_any(&s.db, s.id).await.ok().flatten(),
                }
            };
            let Some(view) = next else {
                // The generation vanished (its owner was deleted): end the stream.
                return None;
            };
            let mark = marker(&view);
            if mark == s.last {
                continue;
            }
            // Never report going backwards (a late broadcast after a newer poll).
            if !view.status.is_finished()
                && !s.last.2.is_empty()
                && (mark.0, mark.1) < (s.last.0, s.last.1)
            {
                continue;
            }
            s.last = mark;
            s.done = view.status.is_finished();
            return Some((Ok(event_for(&view)), s));
        }
    });
    Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

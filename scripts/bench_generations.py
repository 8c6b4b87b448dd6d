#!/usr/bin/env python3
"""End-to-end generation benchmark against a running JobWise server (stdlib only).

Latency: generations one after another, each timed from the POST until its `completed`
event arrives on GET /generations/{id}/events (so polling granularity does not count).
Throughput: COUNT generations from CONCURRENCY client threads, each posting and waiting for
completion; reports completed generations per second of wall time.

  python3 scripts/bench_generations.py --base http://127.0.0.1:18080 --sequential 60 --count 300
"""
import argparse
import http.client
import json
import os
import statistics
import threading
import time
import urllib.parse

PROFILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "eval",
                       "profiles", "01_backend_senior.json")


def request(base, method, path, token=None, body=None):
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, (json.loads(data) if data else None)


def wait_completed(base, token, generation_id):
    """Reads the SSE stream until the terminal event; returns its name."""
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    conn.request("GET", f"/api/v1/generations/{generation_id}/events",
                 headers={"authorization": f"Bearer {token}"})
    response = conn.getresponse()
    event = None
    while True:
        line = response.readline()
        if not line:
            break
        line = line.decode().strip()
        if line.startswith("event: "):
            event = line[7:]
            if event in ("completed", "failed", "cancelled"):
                break
    conn.close()
    return event


def one(base, token, profile_id, job_id, template):
    started = time.perf_counter()
    status, body = request(base, "POST", "/api/v1/generations/resume", token,
                           {"profile_id": profile_id, "job_id": job_id,
                            "options": {"template": template, "length": "one_page"}})
    assert status == 202, (status, body)
    event = wait_completed(base, token, body["generation_id"])
    assert event == "completed", event
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:18080")
    parser.add_argument("--sequential", type=int, default=60)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--template", default="ats_optimized")
    args = parser.parse_args()

    status, auth = request(args.base, "POST", "/api/v1/auth/register", body={
        "email": f"bench-{time.time_ns()}@example.com", "password": "Bench-pass-1",
        "full_name": "Bench"})
    assert status == 201, auth
    token = auth["access_token"]
    with open(PROFILE) as f:
        status, profile = request(args.base, "POST", "/api/v1/profiles", token, json.load(f))
    assert status == 201, profile
    status, jobs = request(args.base, "GET", "/api/v1/jobs?query=backend%20engineer&limit=1", token)
    job_id = jobs["jobs"][0]["id"]

    one(args.base, token, profile["id"], job_id, args.template)  # warm-up (fonts, caches)
    latencies = [one(args.base, token, profile["id"], job_id, args.template)
                 for _ in range(args.sequential)]
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
    print(f"sequential: {len(latencies)} generations, p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {latencies[-1] * 1000:.1f} ms")

    done = []
    lock = threading.Lock()
    remaining = [args.count]

    def worker():
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            elapsed = one(args.base, token, profile["id"], job_id, args.template)
            with lock:
                done.append(elapsed)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    done.sort()
    print(f"throughput: {len(done)} generations in {wall:.1f} s = {len(done) / wall:.1f}/s "
          f"({args.concurrency} clients; p50 {statistics.median(done) * 1000:.0f} ms under load)")


if __name__ == "__main__":
    main()

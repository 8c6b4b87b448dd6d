#!/usr/bin/env python3
"""Documents benchmark against a running JobWise server (stdlib only): makes COUNT documents
through the pipeline, then times the first download of a new format for each (p50/p95), a
batch export of all of them, and prints a URL + token for the wrk run of cached downloads.

  python3 scripts/bench_documents.py --base http://127.0.0.1:18082 --count 20
"""
import argparse
import json
import statistics
import time

from bench_generations import PROFILE, request, wait_completed


def timed_get(base, path, token):
    import http.client
    import urllib.parse
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    started = time.perf_counter()
    conn.request("GET", path, headers={"authorization": f"Bearer {token}"})
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    conn.close()
    assert response.status == 200, (response.status, body[:200])
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:18082")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--out", default="/tmp/jobwise-bench-documents.json")
    args = parser.parse_args()
    status, auth = request(args.base, "POST", "/api/v1/auth/register", body={
        "email": f"docs-{time.time_ns()}@example.com", "password": "Bench-pass-1",
        "full_name": "Bench"})
    assert status == 201, auth
    token = auth["access_token"]
    with open(PROFILE) as f:
        status, profile = request(args.base, "POST", "/api/v1/profiles", token, json.load(f))
    status, jobs = request(args.base, "GET", "/api/v1/jobs?limit=%d" % args.count, token)
    documents = []
    for job in jobs["jobs"][: args.count]:
        status, generation = request(args.base, "POST", "/api/v1/generations/resume", token,
                                     {"profile_id": profile["id"], "job_id": job["id"]})
        assert status == 202, generation
        assert wait_completed(args.base, token, generation["generation_id"]) == "completed"
        status, view = request(args.base, "GET",
                               f"/api/v1/generations/{generation['generation_id']}", token)
        documents.append(view["result"]["document_ids"][0])
    print(f"{len(documents)} documents generated")

    for fmt in ("docx", "html", "pdf&template=classic"):
        times = sorted(timed_get(args.base, f"/api/v1/documents/{d}/download?format={fmt}", token)
                       for d in documents)
        print(f"first download, format={fmt}: p50 {statistics.median(times) * 1000:.1f} ms, "
              f"max {times[-1] * 1000:.1f} ms")
    cached = sorted(timed_get(args.base, f"/api/v1/documents/{d}/download", token)
                    for d in documents)
    print(f"cached PDF download (one client): p50 {statistics.median(cached) * 1000:.2f} ms")

    for fmt in ("pdf", "md"):
        import http.client
        import urllib.parse
        url = urllib.parse.urlparse(args.base)
        runs = []
        for _ in range(5):
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            started = time.perf_counter()
            conn.request("POST", "/api/v1/documents/export",
                         body=json.dumps({"document_ids": documents, "format": fmt}),
                         headers={"authorization": f"Bearer {token}",
                                  "content-type": "application/json"})
            response = conn.getresponse()
            body = response.read()
            runs.append(time.perf_counter() - started)
            assert response.status == 200, body[:200]
            conn.close()
        print(f"export of {len(documents)} documents as {fmt}: median {statistics.median(runs) * 1000:.1f} ms "
              f"({len(body)} bytes)")
    with open(args.out, "w") as f:
        json.dump({"token": token, "document": documents[0]}, f)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Load test of trame-web (issue 16): readers and writers against a running server.

    load.py URL --workspace DIR --ids IDS_FILE [--readers 50] [--writers 5] [--seconds 45]

50 readers loop without pause on keep-alive connections over six kinds of request (list,
dossier page, API, dashboard, a sorted search, « À faire »), 5 writers save dossiers through the form (GET the form, change a
field, POST it). Prints p50/p99 per kind, throughput and errors, then exits 1 on any error.
Standard library only: http.client, threads.
"""
import argparse
import html
import http.client
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse

PASSWORD = "mot-de-passe-de-charge"


class Client:
    """One keep-alive connection with its session cookie."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                if attempt:
                    raise
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location"), data

    def sign_in(self, login):
        status, _, page = self.request("GET", "/connexion")
        token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"_csrf": token, "identifiant": login, "mot_de_passe": PASSWORD})
        status, location, _ = self.request("POST", "/connexion", body,
                                           {"Content-Type": "application/x-www-form-urlencoded"})
        # A signed-in partner is sent to their home page (« À faire » or the list), never back to sign-in.
        if status != 303 or not location or location.startswith("/connexion"):
            raise SystemExit(f"connexion de {login} refusée ({status})")


def form_fields(page):
    """What a browser would submit from the dossier form."""
    text = page.decode("utf-8")
    fields = []
    for m in re.finditer(r'<input type="(?:text|hidden|date)"[^>]*? name="([^"]*)" value="([^"]*)"', text):
        fields.append((html.unescape(m.group(1)), html.unescape(m.group(2))))
    for m in re.finditer(r'<input type="checkbox"[^>]*? name="([^"]*)" value="([^"]*)" checked>', text):  # ticked boxes only
        fields.append((html.unescape(m.group(1)), html.unescape(m.group(2))))
    for m in re.finditer(r'<textarea [^>]*?name="([^"]*)"[^>]*>([^<]*)</textarea>', text):
        fields.append((html.unescape(m.group(1)), html.unescape(m.group(2))))
    for m in re.finditer(r'<select [^>]*?name="([^"]*)"[^>]*>(.*?)</select>', text, re.S):
        sel = re.search(r'<option value="([^"]*)" selected>', m.group(2))
        fields.append((html.unescape(m.group(1)), html.unescape(sel.group(1)) if sel else ""))
    return fields


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--ids", required=True)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=45)
    args = parser.parse_args()
    parsed = urllib.parse.urlparse(args.url)
    ids = [line.strip() for line in open(args.ids) if line.strip()]
    kinds = {
        "liste": lambda r: "/dossiers",
        "dossier": lambda r: f"/dossiers/{r.choice(ids)}",
        "api": lambda r: f"/api/dossiers/{r.choice(ids)}",
        "tableau": lambda r: "/tableau-de-bord",
        # Issue 16's daily pages: a search sorted by next deadline (a random page), « À faire ».
        "recherche": lambda r: f"/dossiers?q={r.choice(['zoe', 'metz', 'eloise', 'mj-2030-1'])}&tri=echeance&page={r.randint(1, 3)}",
        "a-faire": lambda r: "/a-faire",
    }
    times = {k: [] for k in list(kinds) + ["ecriture"]}
    errors = []
    lock = threading.Lock()
    deadline = [0.0]
    # Every client signs in first; the clock starts when the last one is ready.
    ready = threading.Barrier(args.readers + args.writers + 1,
                              action=lambda: deadline.__setitem__(0, time.monotonic() + args.seconds))

    def reader(n):
        client = Client(parsed.hostname, parsed.port)
        client.sign_in(f"lecteur{n % 5}")
        r = random.Random(n)
        order = list(kinds)
        ready.wait()
        i = n
        while time.monotonic() < deadline[0]:
            kind = order[i % len(order)]
            i += 1
            path = kinds[kind](r)
            t0 = time.perf_counter()
            try:
                status, _, _ = client.request("GET", path)
            except Exception as error:  # noqa: BLE001 - any failure is an error of the run
                status = f"exception {error}"
            elapsed = time.perf_counter() - t0
            with lock:
                times[kind].append(elapsed)
                if status != 200:
                    errors.append(f"{kind} {path}: {status}")

    def writer(n):
        client = Client(parsed.hostname, parsed.port)
        client.sign_in(f"ecrivain{n}")
        r = random.Random(1000 + n)
        mine = ids[n::args.writers]
        ready.wait()
        count = 0
        while time.monotonic() < deadline[0]:
            dossier = r.choice(mine)
            t0 = time.perf_counter()
            try:
                status, _, page = client.request("GET", f"/dossiers/{dossier}/modifier")
                fields = form_fields(page)
                count += 1
                fields = [(k, f"06 00 00 {n:02d} {count % 100:02d}") if k == "sous_locataire.telephone" else (k, v) for k, v in fields]
                body = urllib.parse.urlencode(fields)
                status, location, _ = client.request("POST", f"/dossiers/{dossier}/modifier", body,
                                                     {"Content-Type": "application/x-www-form-urlencoded"})
                ok = status == 303 and location and "ok=" in location
            except Exception as error:  # noqa: BLE001
                ok, status = False, f"exception {error}"
            elapsed = time.perf_counter() - t0
            with lock:
                times["ecriture"].append(elapsed)
                if not ok:
                    errors.append(f"ecriture {dossier}: {status}")

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
    threads += [threading.Thread(target=writer, args=(n,)) for n in range(args.writers)]
    for t in threads:
        t.start()
    ready.wait()
    start = deadline[0] - args.seconds
    for t in threads:
        t.join()
    duration = time.monotonic() - start

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(p * len(values)))] * 1000 if values else float("nan")

    total = sum(len(v) for v in times.values())
    print(f"durée {duration:.1f} s, {args.readers} lecteurs, {args.writers} écrivains, "
          f"{total} requêtes ({total / duration:.0f}/s), erreurs : {len(errors)}")
    print(f"{'type':10} {'requêtes':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, values in times.items():
        print(f"{kind:10} {len(values):9d} {pct(values, 0.5):8.1f} {pct(values, 0.99):8.1f} {pct(values, 1.0):8.1f}")
    for error in errors[:10]:
        print("  erreur :", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

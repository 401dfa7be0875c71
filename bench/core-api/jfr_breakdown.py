"""CPU samples of a JFR recording by area: each sample counts for the innermost frame that names an area."""
import collections
import json
import re
import subprocess
import sys

AREAS = [
    ("PostgreSQL driver, Hikari", ["org/postgresql/", "com/zaxxer/hikari"]),
    ("Jackson (request, response, event JSON)", ["tools/jackson/"]),
    ("JWT / bearer token", ["NimbusJwtDecoder", "CachingJwtDecoder", "BearerToken", "JwtAuthenticationProvider"]),
    ("Spring Security firewall", ["StrictHttpFirewall"]),
    ("task validation", ["TaskInputValidator"]),
    ("outbox (events module)", ["TaskEventsOutboxWriter", "io/taskstream/events/"]),
    ("Spring transactions", ["org/springframework/transaction/", "org/springframework/jdbc/datasource/"]),
    ("Spring JdbcClient", ["org/springframework/jdbc/"]),
    ("app code", ["io/taskstream/task/", "io/taskstream/account/"]),
    ("logging", ["ch/qos/logback", "org/slf4j"]),
    ("Micrometer (http.server.requests)", ["io/micrometer"]),
    ("Spring Security (other)", ["org/springframework/security/"]),
    ("Spring MVC", ["org/springframework/web/", "org/springframework/http/"]),
    ("platform filters", ["io/taskstream/platform/web/"]),
    ("Tomcat", ["org/apache/"]),
]


def frames(event):
    trace = event["values"].get("stackTrace") or {"frames": []}
    return [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in trace["frames"]]


def main(recording):
    def events(kind):
        out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "320", "--events", kind, recording],
                             capture_output=True, text=True, check=True).stdout
        return json.loads(out)["recording"]["events"]

    counts = collections.Counter()
    for e in events("jdk.ExecutionSample"):
        thread = e["values"]["sampledThread"]
        name = re.sub(r"[-#]?\d+", "", thread.get("javaName") or thread.get("osName") or "?")
        if name != "tomcat-handler":
            counts["thread " + name] += 1
            continue
        area = "JDK only"
        for frame in frames(e):
            hit = next((a for a, patterns in AREAS if any(p in frame for p in patterns)), None)
            if hit:
                area = hit
                break
        counts["request: " + area] += 1
    total = sum(counts.values())
    print(f"{total} CPU samples")
    for area, n in counts.most_common():
        print(f"{n:7d} {100 * n / total:5.1f}%  {area}")
    thrown = collections.Counter(
        (e["values"]["thrownClass"]["name"], e["values"].get("message")) for e in events("jdk.JavaExceptionThrow"))
    print("exceptions thrown:", sum(thrown.values()))
    for (cls, msg), n in thrown.most_common(5):
        print(f"{n:7d}  {cls}: {msg}")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Test stand-ins for AWS's APIs in the NAT failover network-namespace tests; standard library only.

They stand in for AWS, not for growstack: the scripts under test (the NAT user data, its attach
script and its watcher) run unchanged and call `aws ec2 ...` and the instance metadata service as
they would on EC2. This file plays both of AWS's sides:

ec2 SOCKET CONFIG LOG
    The EC2 API, on a Unix socket (the file system is shared by every network namespace, loopback
    is not). The `aws` shim forwards its argument vector here. It knows exactly the calls the
    scripts make and fails loudly on anything else. It applies them to the namespaces:
      attach-network-interface  moves the interface's veth end into the instance's namespace,
                                gives it its address (what EC2's attachment and DHCP do) and
                                forgets the router's stale ARP entry for it (the VPC has none)
      replace-route             rewrites the default route of the route table's policy table in
                                the router namespace (what a VPC route table change does)
      create-tags, describe-*   keep and report tags and route targets
    Control messages from the test: {"control": "terminate", "instance": ID} detaches the
    interface the way EC2 does when it terminates an instance; {"control": "throttle",
    "seconds": N} answers every describe call with RequestLimitExceeded for N seconds.
    Every call is appended to LOG as one JSON line with a monotonic time stamp.
imds ADDRESS INSTANCE REGION
    The instance metadata service, IMDSv2 only (a GET without a session token gets 401), on
    ADDRESS:80 inside one NAT namespace.
"""
import http.server
import json
import os
import secrets
import socket
import socketserver
import subprocess
import sys
import threading
import time

HEALTH_QUERY = "NetworkInterfaces[].[NetworkInterfaceId,TagSet[?Key=='growstack:nat-health']|[0].Value]"
ROUTE_QUERY = "RouteTables[].[RouteTableId,Routes[?DestinationCidrBlock=='0.0.0.0/0']|[0].NetworkInterfaceId]"


def options(argv):
    """--name value [value...] pairs after the subcommand."""
    parsed, key = {}, None
    for arg in argv:
        if arg.startswith("--"):
            key = arg[2:]
            parsed[key] = []
        elif key is not None:
            parsed[key].append(arg)
        else:
            raise ValueError(f"unexpected argument {arg}")
    return parsed


class Ec2:
    def __init__(self, config_path, log_path):
        self.config_path = config_path
        with open(config_path) as f:
            config = json.load(f)
        self.config = config
        self.log_path = log_path
        self.lock = threading.Lock()
        self.tags = {eni: {} for eni in config["interfaces"]}
        self.attached = {eni: None for eni in config["interfaces"]}
        self.routes = dict(config["initial_routes"])
        self.throttled_until = 0.0

    def ip(self, *args):
        subprocess.run(["ip", *args], check=True, capture_output=True, text=True, timeout=10)

    def log(self, entry):
        entry["t"] = time.monotonic()
        with open(self.log_path, "a") as log:
            print(json.dumps(entry), file=log, flush=True)

    def handle(self, request):
        with self.lock:
            # The test adds instances as it boots NAT hosts.
            with open(self.config_path) as f:
                self.config["instances"] = json.load(f)["instances"]
            if "control" in request:
                return self.control(request)
            argv = request["argv"]
            try:
                result = self.call(argv)
            except (ValueError, KeyError, subprocess.CalledProcessError) as e:
                result = (255, "", f"aws stand-in: cannot serve {argv}: {e}\n")
            self.log({"argv": argv, "code": result[0]})
            return {"code": result[0], "stdout": result[1], "stderr": result[2]}

    def control(self, request):
        if request["control"] == "throttle":
            self.throttled_until = time.monotonic() + float(request["seconds"])
            self.log({"control": "throttle", "seconds": request["seconds"]})
            return {"code": 0, "stdout": "", "stderr": ""}
        if request["control"] == "terminate":
            for eni, instance in self.attached.items():
                if instance == request["instance"]:
                    self.detach(eni)
            self.log({"control": "terminate", "instance": request["instance"]})
            return {"code": 0, "stdout": "", "stderr": ""}
        return {"code": 2, "stdout": "", "stderr": "unknown control\n"}

    def detach(self, eni):
        namespace = self.config["instances"][self.attached[eni]]
        self.ip("-n", namespace, "link", "set", eni, "netns", self.config["parking"])
        self.attached[eni] = None

    def call(self, argv):
        if len(argv) < 2 or argv[0] != "ec2":
            raise ValueError("not an ec2 call")
        command, opts = argv[1], options(argv[2:])
        if command.startswith("describe-") and time.monotonic() < self.throttled_until:
            return 254, "", f"An error occurred (RequestLimitExceeded) when calling the {command} operation\n"
        if opts.get("region") != [self.config["region"]]:
            raise ValueError(f"region {opts.get('region')}")
        if command == "attach-network-interface":
            eni, instance = opts["network-interface-id"][0], opts["instance-id"][0]
            if opts.get("device-index") != ["1"]:
                raise ValueError("device index")
            if self.attached[eni] is not None:
                return 254, "", (f"An error occurred (InvalidParameterValue) when calling the "
                                 f"AttachNetworkInterface operation: Interface {eni} is in use by "
                                 f"{self.attached[eni]}\n")
            namespace = self.config["instances"][instance]
            self.ip("-n", self.config["parking"], "link", "set", eni, "netns", namespace)
            self.ip("-n", namespace, "addr", "add", self.config["interfaces"][eni]["address"] + "/24", "dev", eni)
            self.ip("-n", namespace, "link", "set", eni, "up")
            # The VPC maps the interface to its new host at once; the router's ARP cache would not.
            self.ip("-n", self.config["router"], "neigh", "flush", "to", self.config["interfaces"][eni]["address"])
            self.attached[eni] = instance
            return 0, json.dumps({"AttachmentId": "eni-attach-" + eni}) + "\n", ""
        if command == "create-tags":
            eni = opts["resources"][0]
            key, value = opts["tags"][0].split(",", 1)
            if not key.startswith("Key=") or not value.startswith("Value="):
                raise ValueError("tags")
            self.tags[eni][key[4:]] = value[6:]
            return 0, "", ""
        if command == "describe-network-interfaces":
            if opts.get("query") != [HEALTH_QUERY] or opts.get("output") != ["text"]:
                raise ValueError(f"query {opts.get('query')}")
            lines = [f"{eni}\t{self.tags[eni].get('growstack:nat-health', 'None')}"
                     for eni in opts["network-interface-ids"]]
            return 0, "\n".join(lines) + "\n", ""
        if command == "describe-route-tables":
            if opts.get("query") != [ROUTE_QUERY] or opts.get("output") != ["text"]:
                raise ValueError(f"query {opts.get('query')}")
            lines = [f"{table}\t{self.routes[table]}" for table in opts["route-table-ids"]]
            return 0, "\n".join(lines) + "\n", ""
        if command == "replace-route":
            table, eni = opts["route-table-id"][0], opts["network-interface-id"][0]
            if opts.get("destination-cidr-block") != ["0.0.0.0/0"]:
                raise ValueError("destination")
            self.ip("-n", self.config["router"], "route", "replace", "default",
                    "via", self.config["interfaces"][eni]["address"],
                    "table", str(self.config["tables"][table]))
            self.routes[table] = eni
            return 0, "", ""
        raise ValueError(f"unknown command {command}")


def serve_ec2(socket_path, config_path, log_path):
    ec2 = Ec2(config_path, log_path)

    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            request = json.loads(self.rfile.readline())
            self.wfile.write((json.dumps(ec2.handle(request)) + "\n").encode())

    class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
        daemon_threads = True

    if os.path.exists(socket_path):
        os.unlink(socket_path)
    with Server(socket_path, Handler) as server:
        os.chmod(socket_path, 0o600)
        print("listening", flush=True)
        server.serve_forever()


def serve_imds(address, instance, region):
    tokens = set()
    answers = {"/latest/meta-data/instance-id": instance, "/latest/meta-data/placement/region": region}

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, code, body):
            data = body.encode()
            self.send_response(code)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_PUT(self):
            if self.path != "/latest/api/token" or not self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                return self.reply(400, "")
            token = secrets.token_hex(16)
            tokens.add(token)
            self.reply(200, token)

        def do_GET(self):
            if self.headers.get("X-aws-ec2-metadata-token") not in tokens:
                return self.reply(401, "")
            if self.path not in answers:
                return self.reply(404, "")
            self.reply(200, answers[self.path])

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
        address_family = socket.AF_INET

    with Server((address, 80), Handler) as server:
        print("listening", flush=True)
        server.serve_forever()


def main(argv):
    if len(argv) == 4 and argv[0] == "ec2":
        return serve_ec2(argv[1], argv[2], argv[3])
    if len(argv) == 4 and argv[0] == "imds":
        return serve_imds(argv[1], argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

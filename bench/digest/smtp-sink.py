#!/usr/bin/env python3
"""A local SMTP sink for the digest benchmark: accepts every message (ESMTP, pipelining-safe, no auth, no TLS) and
appends one line per message to OUT: the value of its X-Teamplay-Digest-Items header (the item ids it carried);
OUT.connections holds the number of connections opened.
Usage: smtp-sink.py PORT OUT  (stops on SIGTERM)."""
import asyncio, sys

PORT, OUT = int(sys.argv[1]), sys.argv[2]
out = open(OUT, "a", buffering=1)


connections = 0


async def session(reader, writer):
    global connections
    connections += 1
    with open(OUT + ".connections", "w") as count:  # how many SMTP connections the client opened so far
        count.write(f"{connections}\n")
    def reply(line):
        writer.write((line + "\r\n").encode())
    reply("220 bench-sink ESMTP")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO",):
                writer.write(b"250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n")
            elif verb == b"HELO":
                reply("250 bench-sink")
            elif verb == b"DATA":
                reply("354 go ahead")
                await writer.drain()
                items, in_items, in_headers = "", False, True
                while True:
                    data = await reader.readline()
                    if data in (b".\r\n", b".\n", b""):
                        break
                    if not in_headers:
                        continue
                    if data in (b"\r\n", b"\n"):
                        in_headers = False
                    elif in_items and data[:1] in (b" ", b"\t"):  # a folded header goes on
                        items += data.decode().strip()
                    else:
                        in_items = data[:24].lower() == b"x-teamplay-digest-items:"
                        if in_items:
                            items = data[24:].decode().strip()
                out.write(items + "\n")
                reply("250 queued")
            elif verb == b"QUIT":
                reply("221 bye")
                await writer.drain()
                break
            else:  # MAIL, RCPT, RSET, NOOP
                reply("250 ok")
            await writer.drain()
    except (ConnectionResetError, BrokenPipeError):
        pass
    writer.close()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", PORT)
    async with server:
        await server.serve_forever()

asyncio.run(main())

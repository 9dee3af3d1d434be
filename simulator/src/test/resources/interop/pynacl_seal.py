"""Seals stdin's first line for a base64 X25519 public key (argv[1]) with real libsodium (PyNaCl)."""
import base64
import sys

from nacl.public import PublicKey, SealedBox

public_key = PublicKey(base64.b64decode(sys.argv[1]))
message = sys.stdin.buffer.readline().rstrip(b"\n")
print(base64.b64encode(SealedBox(public_key).encrypt(message)).decode())

"""Real libsodium (PyNaCl) on the other side of Machinist's sealed box.

keypair: prints a fresh X25519 public key and private key, base64, one per line.
open:    reads a private key and a sealed box (base64, one per line) on stdin and
         writes the plaintext to stdout; exits non-zero if the box does not open.
"""
import base64
import sys

from nacl.public import PrivateKey, SealedBox

if sys.argv[1] == "keypair":
    key = PrivateKey.generate()
    print(base64.b64encode(bytes(key.public_key)).decode())
    print(base64.b64encode(bytes(key)).decode())
elif sys.argv[1] == "open":
    private_key = PrivateKey(base64.b64decode(sys.stdin.readline().strip()))
    box = base64.b64decode(sys.stdin.readline().strip())
    sys.stdout.buffer.write(SealedBox(private_key).decrypt(box))
else:
    sys.exit("usage: pynacl_sealed_box.py keypair|open")

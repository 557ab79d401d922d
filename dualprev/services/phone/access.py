"""What the PC shows a phone to open the LAN service: the address as a QR code image."""

import io

import zxingcpp
from PIL import Image


def qr_png(text: str, *, scale: int = 6) -> bytes:
    """A PNG of ``text``'s QR code (error correction M, quiet zone included)."""
    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = Image.fromarray(symbol.to_image(scale=scale, add_quiet_zones=True))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def pairing_url(base_url: str, code: str) -> str:
    """The address a pairing QR code opens: the pairing page with the code filled in."""
    return f"{base_url.rstrip('/')}/pair?code={code}"

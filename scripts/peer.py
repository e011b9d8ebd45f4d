#!/usr/bin/env python3
"""The peers `make bench` sets beside cardbatch: what a user would write instead, one core, in Python.

  peer.py floor  BUNDLE   inflate every photo and decode it at half size (Pillow's draft mode), nothing else
  peer.py checks BUNDLE   inflate, full decode, file size / dimension checks, top-band brightness
  peer.py faces  BUNDLE   checks, plus OpenCV's Haar frontal-face detector on every photo

Prints how many photos it read and how many passed its checks, so a run that read nothing shows.
"""
import io
import sys
import zipfile

from PIL import Image, ImageStat


def main(mode, path):
    cascade = None
    if mode == "faces":
        import cv2
        import numpy
        cv2.setNumThreads(1)  # one core, like the other peers
        cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    photos = passed = 0
    with zipfile.ZipFile(path) as bundle:
        for info in bundle.infolist():
            if not info.filename.lower().endswith(".jpg"):
                continue
            data = bundle.read(info)
            image = Image.open(io.BytesIO(data))
            photos += 1
            if mode == "floor":
                image.draft("RGB", (image.width // 2, image.height // 2))
                image.load()
                continue
            image.load()
            ok = 20_000 <= len(data) <= 200_000 and image.size == (358, 441) and image.mode == "RGB"
            top = image.convert("L").crop((0, 0, image.width, image.height * 8 // 100))
            ok = ok and ImageStat.Stat(top).mean[0] >= 225
            if cascade is not None:
                grey = numpy.asarray(image.convert("L"))
                faces = cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(80, 80))
                ok = ok and len(faces) == 1
            passed += ok
    print(f"{photos} photos, {passed} passed")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("floor", "checks", "faces"):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

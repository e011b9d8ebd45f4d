#!/usr/bin/env python3
"""Cuts the public-domain portraits of samples/faces/ out of their backgrounds, once.

The face checks need real faces on white backdrops. The portraits we may use (public domain, see
samples/faces/README.md) stand before flags and curtains, so this script separates each person
(head, hair, shoulders) from the background with OpenCV's GrabCut, seeded from OpenCV's Haar face
box, and writes a head-and-shoulders cut-out with an alpha channel to samples/faces/cutouts/. The
Swift sample generator (CardBatchSamples, PortraitCutout) composes those cut-outs onto white at
358 x 441 with its own variations; cardbatch itself never runs this script.

Run it again only when a portrait is added:
    python3 -m venv /tmp/cutvenv
    /tmp/cutvenv/bin/pip install "opencv-python-headless==4.10.0.84" "numpy<2"
    /tmp/cutvenv/bin/python scripts/cut-portraits.py SOURCE_DIR samples/faces/cutouts
SOURCE_DIR holds the portraits named in PORTRAITS (see samples/faces/README.md for where each comes from).
"""
import os
import sys

import cv2
import numpy as np

# file name -> (cut-out name, how far the hair reaches beside the face box, in face widths). Each
# portrait holds one frontal face.
PORTRAITS = {
    "astronaut.png": ("collins", 0.55),
    "obama.jpg": ("obama", 0.25),
    "biden.jpg": ("biden", 0.3),
}
FACE_WIDTH = 260  # Haar face box width, in pixels, of every cut-out (a little over the widest face a photo may hold)


def face_box(gray):
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    faces = cascade.detectMultiScale(gray, 1.1, 5, minSize=(60, 60))
    if len(faces) != 1:
        raise SystemExit(f"expected one face, found {len(faces)}")
    return [int(v) for v in faces[0]]


def cut(image, hair):
    x, y, w, h = face_box(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))
    # Head and shoulders: a face width each side, 0.8 face heights above, 1.6 below (an ID photo
    # shows at most half a face width more on each side, and less below).
    left, right = max(0, x - w), min(image.shape[1], x + 2 * w)
    top, bottom = max(0, y - int(0.8 * h)), min(image.shape[0], y + h + int(1.6 * h))
    crop = image[top:bottom, left:right].copy()
    x, y = x - left, y - top
    height, width = crop.shape[:2]

    mask = np.full((height, width), cv2.GC_PR_BGD, np.uint8)
    cx, cy = x + w // 2, y + h // 2
    # Head (hair included) probably the person; the inner face and the neck certainly.
    cv2.ellipse(mask, (cx, cy - h // 8), (int(0.62 * w), int(0.78 * h)), 0, 0, 360, cv2.GC_PR_FGD, -1)
    cv2.rectangle(mask, (x - int(0.9 * w), y + int(1.25 * h)), (x + w + int(0.9 * w), height), cv2.GC_PR_FGD, -1)
    cv2.ellipse(mask, (cx, cy), (int(0.33 * w), int(0.42 * h)), 0, 0, 360, cv2.GC_FGD, -1)
    cv2.rectangle(mask, (x + int(0.3 * w), y + h), (x + int(0.7 * w), height), cv2.GC_FGD, -1)
    # Beside the head down to the neck, and farther out down to the shoulders, is background.
    for reach, depth in ((hair, 1.05), (max(hair, 0.7), 1.45)):
        cv2.rectangle(mask, (0, 0), (max(0, x - int(reach * w)), y + int(depth * h)), cv2.GC_BGD, -1)
        cv2.rectangle(mask, (min(width - 1, x + w + int(reach * w)), 0), (width, y + int(depth * h)), cv2.GC_BGD, -1)

    background, foreground = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(crop, mask, None, background, foreground, 8, cv2.GC_INIT_WITH_MASK)
    person = np.where((mask == cv2.GC_FGD) | (mask == cv2.GC_PR_FGD), 255, 0).astype(np.uint8)

    # Keep the largest piece, fill its holes, smooth its edge, and feather it by a pixel or two.
    count, labels, stats, _ = cv2.connectedComponentsWithStats(person)
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    person = np.where(labels == largest, 255, 0).astype(np.uint8)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    person = cv2.morphologyEx(person, cv2.MORPH_CLOSE, kernel)
    person = cv2.morphologyEx(person, cv2.MORPH_OPEN, kernel)
    holes = person.copy()
    flood = np.zeros((height + 2, width + 2), np.uint8)
    cv2.floodFill(holes, flood, (0, 0), 255)
    person = person | cv2.bitwise_not(holes)

    scale = FACE_WIDTH / w
    size = (int(round(width * scale)), int(round(height * scale)))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LANCZOS4
    crop = cv2.resize(crop, size, interpolation=interpolation)
    alpha = cv2.GaussianBlur(cv2.resize(person, size, interpolation=cv2.INTER_LINEAR), (5, 5), 1.2)
    return np.dstack([crop, alpha])


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    for name, (out, hair) in PORTRAITS.items():
        image = cv2.imread(os.path.join(source, name), cv2.IMREAD_COLOR)
        if image is None:
            raise SystemExit(f"{name}: cannot be read")
        rgba = cut(image, hair)
        path = os.path.join(target, out + ".png")
        cv2.imwrite(path, rgba, [cv2.IMWRITE_PNG_COMPRESSION, 9])
        print(f"{path}: {rgba.shape[1]} x {rgba.shape[0]}")


if __name__ == "__main__":
    main()

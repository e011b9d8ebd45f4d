#ifndef CFACEDETECT_H
#define CFACEDETECT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// dlib's HOG frontal-face detector (built into dlib) with its image pyramid limited to the face
/// sizes a photo can hold, and dlib's 5-point landmark model. One per worker: dlib's detectors are
/// not to be used from two threads at once.
typedef struct cardbatch_face_detector cardbatch_face_detector;

/// One face: its box, the detector's confidence, and the 5 landmarks (x, y): outer and inner corner
/// of one eye, of the other eye, and the base of the nose, in dlib's order.
typedef struct {
    double left, top, right, bottom;
    double confidence;
    double landmarks[10];
} cardbatch_face;

/// Loads the landmark model from `model_path`. `max_pyramid_levels` 0 keeps dlib's whole pyramid.
/// Returns NULL with `error` set (never throws: every C++ exception is caught here).
cardbatch_face_detector *cardbatch_face_detector_create(const char *model_path, unsigned long max_pyramid_levels,
                                                        char *error, size_t error_size);

void cardbatch_face_detector_destroy(cardbatch_face_detector *detector);

/// Finds faces in packed 8-bit RGB pixels (`width` × `height`, rows of `width * 3` bytes), writes at
/// most `capacity` of them into `faces` and returns how many were found (possibly more than
/// `capacity`), or -1 with `error` set.
long cardbatch_face_detect(cardbatch_face_detector *detector, const unsigned char *rgb, size_t width, size_t height,
                           cardbatch_face *faces, size_t capacity, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif

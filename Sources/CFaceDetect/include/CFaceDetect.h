#ifndef CFACEDETECT_H
#define CFACEDETECT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// dlib's 5-point landmark model (laid out flat) and dlib's frontal detector, loaded once per process.
/// Read-only after loading (the prediction is const and keeps no state; detectors copy the frontal
/// detector's configuration and read its filter banks as const), so every detector may share it.
typedef struct cardbatch_face_model cardbatch_face_model;

/// dlib's HOG frontal-face detector (built into dlib) with its image pyramid limited to the face
/// sizes a photo can hold, over a shared landmark model. One per worker: dlib's detectors are
/// not to be used from two threads at once.
typedef struct cardbatch_face_detector cardbatch_face_detector;

/// One face: its box, the detector's confidence, and the 5 landmarks (x, y): outer and inner corner
/// of one eye, of the other eye, and the base of the nose, in dlib's order.
typedef struct {
    double left, top, right, bottom;
    double confidence;
    double landmarks[10];
} cardbatch_face;

/// Loads the landmark model from `model_path`, and reads the frontal detector built into this
/// library (`frontal_face_detector.inc`). Returns NULL with `error` set (never throws: every C++
/// exception is caught here).
cardbatch_face_model *cardbatch_face_model_load(const char *model_path, char *error, size_t error_size);

void cardbatch_face_model_destroy(cardbatch_face_model *model);

/// A detector over `model`, which must outlive it. `max_pyramid_levels` 0 keeps dlib's whole pyramid.
/// Returns NULL with `error` set.
cardbatch_face_detector *cardbatch_face_detector_create(const cardbatch_face_model *model, unsigned long max_pyramid_levels,
                                                        char *error, size_t error_size);

void cardbatch_face_detector_destroy(cardbatch_face_detector *detector);

/// Finds faces in packed 8-bit RGB pixels (`width` × `height`, rows of `width * 3` bytes), writes at
/// most `capacity` of them into `faces` and returns how many were found (possibly more than
/// `capacity`), or -1 with `error` set. With `upsample` set, the image is searched at twice its size
/// (for faces smaller than the detector's window; at most 4096 px a side); coordinates are always
/// in pixels of the image given.
long cardbatch_face_detect(cardbatch_face_detector *detector, const unsigned char *rgb, size_t width, size_t height,
                           int upsample, cardbatch_face *faces, size_t capacity, char *error, size_t error_size);

/// The same search done the plain dlib way (`object_detector` with the same filters and pyramid,
/// `shape_predictor` loaded from `model_path`), for tests that pin the fast path to it.
long cardbatch_face_detect_reference(const char *model_path, unsigned long max_pyramid_levels, const unsigned char *rgb,
                                     size_t width, size_t height, cardbatch_face *faces, size_t capacity,
                                     char *error, size_t error_size);

/// Computes the fHOG features of 8-bit grey pixels (`width` × `height`, rows of `width` bytes) both with
/// dlib's `extract_fhog_features` and with the exact copy the search uses, and returns how many
/// values differ bit for bit (a plane of another shape counts all its values), or -1 with `error` set.
/// For the test that pins the one to the other.
long cardbatch_fhog_differences(const unsigned char *grey, size_t width, size_t height, int cell_size, int rows_padding,
                                int cols_padding, char *error, size_t error_size);

/// dlib's frontal detector in `dlib::serialize` form: the copy built into this library when
/// `from_dlib` is 0, or dlib's own `get_frontal_face_detector()` (about 0.4 s) when it is 1. Copies
/// at most `capacity` bytes into `buffer` (which may be NULL) and returns the whole size, or -1 with
/// `error` set. For the test that pins the built-in copy, and the command that writes it.
long cardbatch_face_frontal_serialized(int from_dlib, unsigned char *buffer, size_t capacity, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif

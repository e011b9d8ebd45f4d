// dlib behind a C interface. Nothing of C++ crosses it: every exception is caught here and turned
// into a message, and every length is checked before dlib sees the pixels.
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <vector>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/image_transforms/interpolation.h>
#include <dlib/serialize.h>
#include "CFaceDetect.h"

namespace {
using scanner_type = dlib::scan_fhog_pyramid<dlib::pyramid_down<6>>;
using detector_type = dlib::object_detector<scanner_type>;

void set_error(char *error, size_t size, const char *message) {
    if (error != nullptr && size > 0) std::snprintf(error, size, "%s", message);
}
}

struct cardbatch_face_model {
    dlib::shape_predictor predictor;
    // dlib's frontal detector, deserialised once here (get_frontal_face_detector() decompresses it
    // on every call, a few hundred milliseconds); detectors are built from its configuration.
    dlib::frontal_face_detector full;
};

struct cardbatch_face_detector {
    detector_type detector;
    const cardbatch_face_model *model;
};

extern "C" cardbatch_face_model *cardbatch_face_model_load(const char *model_path, char *error, size_t error_size) {
    try {
        std::unique_ptr<cardbatch_face_model> made(new cardbatch_face_model());
        dlib::deserialize(model_path) >> made->predictor;
        made->full = dlib::get_frontal_face_detector();
        if (made->predictor.num_parts() != 5) {
            set_error(error, error_size, "the landmark model is not the 5-point model");
            return nullptr;
        }
        return made.release();
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while loading the landmark model");
    }
    return nullptr;
}

extern "C" void cardbatch_face_model_destroy(cardbatch_face_model *model) { delete model; }

extern "C" cardbatch_face_detector *cardbatch_face_detector_create(const cardbatch_face_model *model, unsigned long max_pyramid_levels,
                                                                   char *error, size_t error_size) {
    if (model == nullptr) {
        set_error(error, error_size, "no landmark model");
        return nullptr;
    }
    try {
        std::unique_ptr<cardbatch_face_detector> made(new cardbatch_face_detector());
        made->model = model;
        const dlib::frontal_face_detector &full = model->full;
        // dlib's frontal detector holds 5 HOG filters: looking ahead, looking left, looking right,
        // and looking ahead turned left and right in the picture plane. An ID photo must look
        // ahead, so the two side-looking filters are left out (a profile is then "no face"); the
        // turned ones stay, so a tilted head is found and refused for its tilt. The scanner cannot
        // be copied: the detector is rebuilt from its configuration, with the pyramid limited to
        // the face sizes a photo can hold.
        scanner_type scanner;
        scanner.copy_configuration(full.get_scanner());
        if (max_pyramid_levels > 0) scanner.set_max_pyramid_levels(max_pyramid_levels);
        std::vector<detector_type::feature_vector_type> weights;
        for (unsigned long i = 0; i < full.num_detectors(); i++) {
            if (full.num_detectors() == 5 && (i == 1 || i == 2)) continue;
            weights.push_back(full.get_w(i));
        }
        made->detector = detector_type(scanner, full.get_overlap_tester(), weights);
        return made.release();
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while making the face detector");
    }
    return nullptr;
}

extern "C" void cardbatch_face_detector_destroy(cardbatch_face_detector *detector) { delete detector; }

extern "C" long cardbatch_face_detect(cardbatch_face_detector *detector, const unsigned char *rgb, size_t width, size_t height,
                                      int upsample, cardbatch_face *faces, size_t capacity, char *error, size_t error_size) {
    if (detector == nullptr || rgb == nullptr || width == 0 || height == 0 || width > 16384 || height > 16384
        || (upsample && (width > 4096 || height > 4096))) {
        set_error(error, error_size, "no image to search");
        return -1;
    }
    try {
        // Searched in luma (Rec. 601): HOG on one channel costs a third of HOG on three, and the
        // detector and the landmarks find faces in grey as well as in colour.
        dlib::array2d<unsigned char> image(static_cast<long>(height), static_cast<long>(width));
        for (size_t y = 0; y < height; y++) {
            const unsigned char *row = rgb + y * width * 3;
            for (size_t x = 0; x < width; x++) {
                image[y][x] = static_cast<unsigned char>((299 * row[3 * x] + 587 * row[3 * x + 1] + 114 * row[3 * x + 2] + 500) / 1000);
            }
        }
        // Doubled, the detector's smallest window (about 80 px) finds faces of about 40 px.
        double factor = 1;
        if (upsample) {
            dlib::pyramid_up(image);
            factor = 0.5;
        }
        std::vector<dlib::rect_detection> found;
        detector->detector(image, found);
        for (size_t i = 0; i < found.size() && i < capacity; i++) {
            const dlib::rectangle &box = found[i].rect;
            cardbatch_face &face = faces[i];
            face.left = box.left() * factor; face.top = box.top() * factor;
            face.right = box.right() * factor; face.bottom = box.bottom() * factor;
            face.confidence = found[i].detection_confidence;
            dlib::full_object_detection shape = detector->model->predictor(image, box);
            for (unsigned long p = 0; p < 5 && p < shape.num_parts(); p++) {
                face.landmarks[2 * p] = shape.part(p).x() * factor;
                face.landmarks[2 * p + 1] = shape.part(p).y() * factor;
            }
        }
        return static_cast<long>(found.size());
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while searching for faces");
    }
    return -1;
}

// dlib behind a C interface. Nothing of C++ crosses it: every exception is caught here and turned
// into a message, and every length is checked before dlib sees the pixels.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <exception>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <new>
#include <vector>
#include <dlib/base64.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/image_transforms/interpolation.h>
#include <dlib/serialize.h>
#include "CFaceDetect.h"
#include "exact_fhog.h"

namespace {
/// The scanner the product searches with: dlib's, with its fHOG features computed by
/// `exact_fhog.h` (the same features bit for bit, in about half the time).
using scanner_type = dlib::scan_fhog_pyramid<dlib::pyramid_down<6>, cardbatch_fhog::exact_fhog_extractor>;
/// Plain dlib, for the reference search the tests compare with.
using dlib_scanner_type = dlib::scan_fhog_pyramid<dlib::pyramid_down<6>>;
using dlib_detector_type = dlib::object_detector<dlib_scanner_type>;

void set_error(char *error, size_t size, const char *message) {
    if (error != nullptr && size > 0) std::snprintf(error, size, "%s", message);
}

// dlib's frontal detector holds 5 HOG filters: looking ahead, looking left, looking right, and
// looking ahead turned left and right in the picture plane. An ID photo must look ahead, so the two
// side-looking filters are left out (a profile is then "no face"); the turned ones stay, so a
// tilted head is found and refused for its tilt.
constexpr unsigned long front_filter = 0;
bool kept_filter(unsigned long index, unsigned long count) { return count != 5 || (index != 1 && index != 2); }

/// dlib's `shape_predictor`, read from the same file and evaluated with the same arithmetic in the
/// same order (so the landmarks are bit for bit dlib's), but laid out flat: dlib keeps each of the
/// 7,500 leaves of the 5-point model in its own heap block, and one prediction touches one leaf per
/// tree, so most of its time went on cache misses (1 ms a face, against 0.27 ms when warm). Here a
/// cascade's splits and leaves are each one array.
struct flat_predictor {
    struct node { uint32_t idx1, idx2; float thresh; };
    struct cascade {
        std::vector<unsigned long> anchor_idx;
        std::vector<dlib::vector<float, 2>> deltas;
        std::vector<node> splits;   // trees × splits_per_tree, each tree breadth first as dlib keeps it
        std::vector<float> leaves;  // trees × leaves_per_tree × shape size
        size_t trees = 0, splits_per_tree = 0, leaves_per_tree = 0, depth = 0;
    };
    dlib::matrix<float, 0, 1> initial_shape;
    std::vector<cascade> cascades;

    unsigned long num_parts() const { return initial_shape.size() / 2; }

    /// Reads a file dlib's `serialize(shape_predictor)` wrote (version 1), one tree at a time, so the
    /// 120,000 small blocks of dlib's own layout never exist together (they would add about 8 MB to
    /// the process's peak). Refuses any tree that is not full and any index outside its cascade.
    void load(const char *path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw dlib::serialization_error("the landmark model cannot be opened");
        int version = 0;
        dlib::deserialize(version, in);
        if (version != 1) throw dlib::serialization_error("unexpected version of the landmark model");
        dlib::deserialize(initial_shape, in);
        const size_t shape_size = initial_shape.size();
        if (shape_size == 0 || shape_size % 2 != 0 || shape_size > 1000) throw dlib::serialization_error("the landmark model is inconsistent");
        // dlib writes a std::vector as its length, then its items.
        unsigned long count = 0;
        dlib::deserialize(count, in);
        if (count == 0 || count > 100) throw dlib::serialization_error("the landmark model is inconsistent");
        cascades.resize(count);
        for (cascade &out : cascades) {
            unsigned long trees = 0;
            dlib::deserialize(trees, in);
            if (trees == 0 || trees > 10000) throw dlib::serialization_error("the landmark model is inconsistent");
            out.trees = trees;
            for (unsigned long t = 0; t < trees; t++) {
                dlib::impl::regression_tree tree;
                deserialize(tree, in);  // dlib's hidden friend, found by argument-dependent lookup
                if (t == 0) {
                    out.splits_per_tree = tree.splits.size();
                    out.leaves_per_tree = tree.leaf_values.size();
                    // A full tree of depth d: 2^d - 1 splits, breadth first, and 2^d leaves.
                    const size_t leaves = out.leaves_per_tree;
                    if (leaves != out.splits_per_tree + 1 || leaves < 2 || leaves > 1024 || (leaves & (leaves - 1)) != 0)
                        throw dlib::serialization_error("the landmark model holds a tree that is not full");
                    while ((size_t{1} << out.depth) < leaves) out.depth++;
                    out.splits.reserve(trees * out.splits_per_tree);
                    out.leaves.reserve(trees * out.leaves_per_tree * shape_size);
                }
                if (tree.splits.size() != out.splits_per_tree || tree.leaf_values.size() != out.leaves_per_tree)
                    throw dlib::serialization_error("the landmark model's trees differ in depth");
                for (const dlib::impl::split_feature &split : tree.splits) {
                    if (split.idx1 > UINT32_MAX || split.idx2 > UINT32_MAX) throw dlib::serialization_error("the landmark model names a missing feature pixel");
                    out.splits.push_back(node{static_cast<uint32_t>(split.idx1), static_cast<uint32_t>(split.idx2), split.thresh});
                }
                for (const dlib::matrix<float, 0, 1> &leaf : tree.leaf_values) {
                    if (static_cast<size_t>(leaf.size()) != shape_size) throw dlib::serialization_error("the landmark model holds a leaf of the wrong size");
                    for (long k = 0; k < leaf.size(); k++) out.leaves.push_back(leaf(k));
                }
            }
        }
        dlib::deserialize(count, in);
        if (count != cascades.size()) throw dlib::serialization_error("the landmark model is inconsistent");
        for (cascade &out : cascades) dlib::deserialize(out.anchor_idx, in);
        dlib::deserialize(count, in);
        if (count != cascades.size()) throw dlib::serialization_error("the landmark model is inconsistent");
        for (cascade &out : cascades) {
            dlib::deserialize(out.deltas, in);
            const size_t pixels = out.deltas.size();
            if (out.anchor_idx.size() != pixels) throw dlib::serialization_error("the landmark model is inconsistent");
            for (unsigned long anchor : out.anchor_idx)
                if (anchor >= shape_size / 2) throw dlib::serialization_error("the landmark model names a missing landmark");
            for (const node &split : out.splits)
                if (split.idx1 >= pixels || split.idx2 >= pixels) throw dlib::serialization_error("the landmark model names a missing feature pixel");
        }
    }

    /// `shape_predictor::operator()`, the same steps on the flat arrays. Within a cascade, which leaf
    /// a tree ends in depends only on the cascade's pixel values, not on the shape: so every tree is
    /// walked first, each chosen leaf fetched ahead (`__builtin_prefetch`), and the leaves are then
    /// added in dlib's order, so the sums are bit for bit dlib's. The leaves are about 4.8 MB and one
    /// face reads 7,500 of them, one per tree, each a cache miss: waited for one by one they took
    /// about 0.75 ms a face.
    std::vector<dlib::point> operator()(const dlib::array2d<unsigned char> &image, const dlib::rectangle &rect) const {
        dlib::matrix<float, 0, 1> current_shape = initial_shape;
        const size_t shape_size = current_shape.size();
        std::vector<float> values;
        std::vector<const float *> chosen;
        for (const cascade &stage : cascades) {
            dlib::impl::extract_feature_pixel_values(image, rect, current_shape, initial_shape, stage.anchor_idx, stage.deltas, values);
            const node *splits = stage.splits.data();
            const float *leaves = stage.leaves.data();
            chosen.resize(stage.trees);
            // Four trees are walked side by side, without branches (a split's outcome is as good as
            // random, so a branch on it was mispredicted half the time): every tree is full, so each
            // walk takes `depth` steps.
            const float *value = values.data();
            const auto step = [value](const node *tree, size_t i) {
                const node &split = tree[i];
                return 2 * i + 2 - static_cast<size_t>(value[split.idx1] - value[split.idx2] > split.thresh);
            };
            const auto choose = [&](size_t t, size_t i) {
                const float *leaf = leaves + (t * stage.leaves_per_tree + (i - stage.splits_per_tree)) * shape_size;
                __builtin_prefetch(leaf);
                __builtin_prefetch(leaf + shape_size - 1);
                chosen[t] = leaf;
            };
            size_t t = 0;
            for (; t + 4 <= stage.trees; t += 4) {
                const node *first = splits + t * stage.splits_per_tree;
                const node *second = first + stage.splits_per_tree, *third = second + stage.splits_per_tree, *fourth = third + stage.splits_per_tree;
                size_t i0 = 0, i1 = 0, i2 = 0, i3 = 0;
                for (size_t level = 0; level < stage.depth; level++) {
                    i0 = step(first, i0); i1 = step(second, i1); i2 = step(third, i2); i3 = step(fourth, i3);
                }
                choose(t, i0); choose(t + 1, i1); choose(t + 2, i2); choose(t + 3, i3);
            }
            for (; t < stage.trees; t++) {
                size_t i = 0;
                for (size_t level = 0; level < stage.depth; level++) i = step(splits + t * stage.splits_per_tree, i);
                choose(t, i);
            }
            float *shape = &current_shape(0);
            for (const float *leaf : chosen)
                for (size_t k = 0; k < shape_size; k++) shape[k] += leaf[k];
        }
        const dlib::point_transform_affine to_image = dlib::impl::unnormalizing_tform(rect);
        std::vector<dlib::point> parts(shape_size / 2);
        for (size_t p = 0; p < parts.size(); p++) parts[p] = to_image(dlib::impl::location(current_shape, p));
        return parts;
    }
};

/// Packed RGB to luma (Rec. 601), checked for size first. HOG on one channel costs a third of HOG
/// on three, and the detector and the landmarks find faces in grey as well as in colour.
void luma(const unsigned char *rgb, size_t width, size_t height, dlib::array2d<unsigned char> &image) {
    image.set_size(static_cast<long>(height), static_cast<long>(width));
    for (size_t y = 0; y < height; y++) {
        const unsigned char *row = rgb + y * width * 3;
        for (size_t x = 0; x < width; x++) {
            image[y][x] = static_cast<unsigned char>((299 * row[3 * x] + 587 * row[3 * x + 1] + 114 * row[3 * x + 2] + 500) / 1000);
        }
    }
}

bool usable(const unsigned char *rgb, size_t width, size_t height, int upsample) {
    return rgb != nullptr && width > 0 && height > 0 && width <= 16384 && height <= 16384 && !(upsample && (width > 4096 || height > 4096));
}

/// dlib's frontal detector as `dlib::serialize` writes it, base64-encoded (`frontal_face_detector.inc`,
/// written by `cardbatch-samples frontal-detector` from dlib's `get_frontal_face_detector()`; a test
/// pins it to the dlib it is built against). dlib's headers keep the same detector compressed with
/// its own entropy coder, which takes about 0.4 s of CPU to unpack, once per process; this form
/// reads in about 3 ms.
const char serialized_frontal_base64[] =
#include "frontal_face_detector.inc"
    ;

std::string embedded_frontal() {
    std::istringstream in(std::string(serialized_frontal_base64, sizeof serialized_frontal_base64 - 1));
    std::ostringstream out;
    dlib::base64().decode(in, out);
    return out.str();
}

std::string unpacked_frontal() {
    std::ostringstream out;
    dlib::serialize(dlib::get_frontal_face_detector(), out);
    return out.str();
}
}

struct cardbatch_face_model {
    flat_predictor predictor;
    /// dlib's frontal detector, read from its serialized form as dlib's `deserialize(object_detector)`
    /// reads version 2, except that only the kept filters are turned into filter banks (each takes an
    /// SVD per HOG plane), once per process: detectors share them read-only (`scan_fhog_pyramid::detect`
    /// takes them as const).
    scanner_type configuration;
    dlib::test_box_overlap overlap;
    std::vector<scanner_type::fhog_filterbank> filters;
    std::vector<double> thresholds;
    std::vector<unsigned long> filter_index;  // which of dlib's 5 filters each one is

    void read_frontal(std::istream &in) {
        int version = 0;
        dlib::deserialize(version, in);
        if (version != 2) throw dlib::serialization_error("unexpected version of the frontal face detector");
        dlib::deserialize(configuration, in);
        dlib::deserialize(overlap, in);
        unsigned long count = 0;
        dlib::deserialize(count, in);
        if (count == 0 || count > 100) throw dlib::serialization_error("the frontal face detector is inconsistent");
        for (unsigned long i = 0; i < count; i++) {
            dlib::matrix<double, 0, 1> w;
            dlib::deserialize(w, in);
            if (static_cast<unsigned long>(w.size()) != configuration.get_num_dimensions() + 1)
                throw dlib::serialization_error("the frontal face detector holds a filter of the wrong size");
            if (!kept_filter(i, count)) continue;
            filters.push_back(configuration.build_fhog_filterbank(w));
            thresholds.push_back(w(configuration.get_num_dimensions()));
            filter_index.push_back(i);
        }
    }
};

struct cardbatch_face_detector {
    scanner_type scanner;
    const cardbatch_face_model *model;
    std::vector<std::pair<double, dlib::rectangle>> scratch;
};

extern "C" cardbatch_face_model *cardbatch_face_model_load(const char *model_path, char *error, size_t error_size) {
    try {
        std::unique_ptr<cardbatch_face_model> made(new cardbatch_face_model());
        {
            std::istringstream in(embedded_frontal());
            made->read_frontal(in);
        }
        made->predictor.load(model_path);
        if (made->predictor.num_parts() != 5) {
            set_error(error, error_size, "the landmark model is not the 5-point model");
            return nullptr;
        }
        // Loading freed many small blocks (the trees read one by one, the detector's encoded form):
        // give the memory back instead of keeping it in the heap.
        malloc_trim(0);
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
        // The scanner cannot be copied: it is rebuilt from the detector's configuration, with the
        // pyramid limited to the face sizes a photo can hold.
        made->scanner.copy_configuration(model->configuration);
        if (max_pyramid_levels > 0) made->scanner.set_max_pyramid_levels(max_pyramid_levels);
        return made.release();
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while making the face detector");
    }
    return nullptr;
}

extern "C" void cardbatch_face_detector_destroy(cardbatch_face_detector *detector) { delete detector; }

namespace {
/// What dlib's `object_detector::operator()` does, in two steps: the HOG pyramid is computed once,
/// the looking-ahead filter runs first, and the two turned filters run only when it found nothing
/// (a tilted head). They would otherwise find the same face again, at two thirds of the search's
/// filtering cost. What this gives up: a second face that only a turned filter finds (tilted by more
/// than about 15°) beside an upright one is not counted; the upright face is judged alone.
/// Overlapping finds are suppressed as dlib does, strongest first.
void detect(cardbatch_face_detector &d, const dlib::array2d<unsigned char> &image, std::vector<dlib::rect_detection> &final_dets) {
    const cardbatch_face_model &m = *d.model;
    d.scanner.load(image);
    std::vector<dlib::rect_detection> found;
    auto run = [&](size_t k) {
        d.scanner.detect(m.filters[k], d.scratch, m.thresholds[k]);
        for (const auto &hit : d.scratch) {
            dlib::rect_detection temp;
            temp.detection_confidence = hit.first - m.thresholds[k];
            temp.weight_index = m.filter_index[k];
            temp.rect = hit.second;
            found.push_back(temp);
        }
    };
    size_t front = m.filters.size();
    for (size_t k = 0; k < m.filters.size(); k++)
        if (m.filter_index[k] == front_filter) front = k;
    if (front < m.filters.size()) run(front);
    if (found.empty())
        for (size_t k = 0; k < m.filters.size(); k++)
            if (k != front) run(k);
    final_dets.clear();
    if (m.filters.size() > 1) std::sort(found.rbegin(), found.rend());
    for (const auto &candidate : found) {
        bool overlaps = false;
        for (const auto &kept : final_dets)
            if (m.overlap(kept.rect, candidate.rect)) { overlaps = true; break; }
        if (!overlaps) final_dets.push_back(candidate);
    }
}

long report(const std::vector<dlib::rect_detection> &found, double factor, const std::vector<std::vector<dlib::point>> &shapes,
            cardbatch_face *faces, size_t capacity) {
    for (size_t i = 0; i < found.size() && i < capacity; i++) {
        const dlib::rectangle &box = found[i].rect;
        cardbatch_face &face = faces[i];
        face.left = box.left() * factor; face.top = box.top() * factor;
        face.right = box.right() * factor; face.bottom = box.bottom() * factor;
        face.confidence = found[i].detection_confidence;
        for (size_t p = 0; p < 5; p++) {
            face.landmarks[2 * p] = p < shapes[i].size() ? shapes[i][p].x() * factor : 0;
            face.landmarks[2 * p + 1] = p < shapes[i].size() ? shapes[i][p].y() * factor : 0;
        }
    }
    return static_cast<long>(found.size());
}
}

extern "C" long cardbatch_face_detect(cardbatch_face_detector *detector, const unsigned char *rgb, size_t width, size_t height,
                                      int upsample, cardbatch_face *faces, size_t capacity, char *error, size_t error_size) {
    if (detector == nullptr || !usable(rgb, width, height, upsample) || (capacity > 0 && faces == nullptr)) {
        set_error(error, error_size, "no image to search");
        return -1;
    }
    try {
        dlib::array2d<unsigned char> image;
        luma(rgb, width, height, image);
        // Doubled, the detector's smallest window (about 80 px) finds faces of about 40 px.
        double factor = 1;
        if (upsample) {
            dlib::pyramid_up(image);
            factor = 0.5;
        }
        std::vector<dlib::rect_detection> found;
        detect(*detector, image, found);
        std::vector<std::vector<dlib::point>> shapes;
        for (size_t i = 0; i < found.size() && i < capacity; i++) shapes.push_back(detector->model->predictor(image, found[i].rect));
        return report(found, factor, shapes, faces, capacity);
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while searching for faces");
    }
    return -1;
}

extern "C" long cardbatch_face_detect_reference(const char *model_path, unsigned long max_pyramid_levels, const unsigned char *rgb,
                                                size_t width, size_t height, cardbatch_face *faces, size_t capacity,
                                                char *error, size_t error_size) {
    if (model_path == nullptr || !usable(rgb, width, height, 0) || (capacity > 0 && faces == nullptr)) {
        set_error(error, error_size, "no image to search");
        return -1;
    }
    try {
        dlib::shape_predictor predictor;
        dlib::deserialize(model_path) >> predictor;
        dlib::frontal_face_detector full = dlib::get_frontal_face_detector();
        dlib_scanner_type scanner;
        scanner.copy_configuration(full.get_scanner());
        if (max_pyramid_levels > 0) scanner.set_max_pyramid_levels(max_pyramid_levels);
        std::vector<dlib_detector_type::feature_vector_type> weights;
        for (unsigned long i = 0; i < full.num_detectors(); i++)
            if (kept_filter(i, full.num_detectors())) weights.push_back(full.get_w(i));
        dlib_detector_type detector(scanner, full.get_overlap_tester(), weights);
        dlib::array2d<unsigned char> image;
        luma(rgb, width, height, image);
        std::vector<dlib::rect_detection> found;
        detector(image, found);
        std::vector<std::vector<dlib::point>> shapes;
        for (size_t i = 0; i < found.size() && i < capacity; i++) {
            dlib::full_object_detection shape = predictor(image, found[i].rect);
            std::vector<dlib::point> parts;
            for (unsigned long p = 0; p < shape.num_parts(); p++) parts.push_back(shape.part(p));
            shapes.push_back(parts);
        }
        return report(found, 1, shapes, faces, capacity);
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while searching for faces");
    }
    return -1;
}

extern "C" long cardbatch_fhog_differences(const unsigned char *grey, size_t width, size_t height, int cell_size, int rows_padding,
                                           int cols_padding, char *error, size_t error_size) {
    if (grey == nullptr || width == 0 || height == 0 || width > 4096 || height > 4096 || cell_size < 1 || cell_size > 64 ||
        rows_padding < 1 || rows_padding > 64 || cols_padding < 1 || cols_padding > 64) {
        set_error(error, error_size, "no image or no usable fHOG parameters");
        return -1;
    }
    try {
        dlib::array2d<unsigned char> image(static_cast<long>(height), static_cast<long>(width));
        for (size_t y = 0; y < height; y++) std::memcpy(&image[static_cast<long>(y)][0], grey + y * width, width);
        dlib::array<dlib::array2d<float>> plain, exact;
        dlib::extract_fhog_features(image, plain, cell_size, rows_padding, cols_padding);
        cardbatch_fhog::extract_fhog_features(image, exact, cell_size, rows_padding, cols_padding);
        long differing = 0;
        for (size_t k = 0; k < std::max(plain.size(), exact.size()); k++) {
            if (k >= plain.size() || k >= exact.size() || plain[k].nr() != exact[k].nr() || plain[k].nc() != exact[k].nc()) {
                differing += static_cast<long>(std::max<size_t>(k < plain.size() ? plain[k].size() : 0, k < exact.size() ? exact[k].size() : 0)) + 1;
                continue;
            }
            for (long r = 0; r < plain[k].nr(); r++)
                for (long c = 0; c < plain[k].nc(); c++)
                    if (std::memcmp(&plain[k][r][c], &exact[k][r][c], sizeof(float)) != 0) differing++;
        }
        return differing;
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while computing fHOG features");
    }
    return -1;
}

extern "C" long cardbatch_face_frontal_serialized(int from_dlib, unsigned char *buffer, size_t capacity, char *error, size_t error_size) {
    try {
        const std::string bytes = from_dlib ? unpacked_frontal() : embedded_frontal();
        if (buffer != nullptr) std::memcpy(buffer, bytes.data(), std::min(capacity, bytes.size()));
        return static_cast<long>(bytes.size());
    } catch (const std::exception &e) {
        set_error(error, error_size, e.what());
    } catch (...) {
        set_error(error, error_size, "unknown error while serializing the frontal face detector");
    }
    return -1;
}

// dlib's fHOG features of a grey image (dlib/image_transforms/fhog.h, `extract_fhog_features` into 31
// planes), computed with the same float operations in the same order, so the features are dlib's bit
// for bit, in about half of dlib's time. A test compares the two on photos and on noise, at every cell
// size and padding it tries.
//
// Where the time goes in dlib's version, and what is done here instead:
// - The orientation: dlib snaps each gradient to one of 18 directions with 9 dot products and 18
//   compare-and-selects a pixel. The gradient of a grey image is a pair of integers in [-255, 255],
//   so the direction it snaps to is looked up in a table of 511 × 511 made once per process by the
//   same arithmetic.
// - The gradients: dlib gathers each pixel's four neighbours one at a time into vectors. Here they
//   are read along rows.
// - The bins: dlib adds each pixel's four weights into a matrix per cell through two-level indexing.
//   Here the histogram is one flat array, and each column's bin offset and horizontal weights are
//   worked out once per image.
//
// What must not change, or the features differ in their last bits from dlib's:
// - Each bin receives its additions in dlib's order: pixels in raster order.
// - The weights are rounded as dlib rounds them: in its 8-wide loop, v11 = vy1 × (vx1 × v); in its loop
//   over the columns that do not fill 8 lanes, (vy1 × vx1) × v, with that loop's own double-precision
//   column position.
// - A cell's normalised feature sums its 4 lanes as dlib's `sum(simd4f)` does in an SSE2 or NEON
//   build, (h0 + h2) + (h1 + h3). (An SSE3 or SSE4.1 build of dlib adds in another order; the test
//   would then fail and say so.)
// - No multiply and add may be fused: dlib's x86-64 build has no FMA.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <type_traits>
#include <vector>
#include <dlib/image_processing/scan_fhog_pyramid.h>
#include <dlib/image_transforms/fhog.h>

namespace cardbatch_fhog {

/// The direction (0–17) dlib snaps the gradient (gx, gy) to, for gx and gy in [-255, 255], at
/// `(gx + 255) * 511 + gy + 255`: dlib's 9 unit vectors, its dot products, and its strict comparisons
/// (the first of equal directions wins; a zero gradient is direction 0).
inline const uint8_t *orientation_table() {
    static const std::vector<uint8_t> table = [] {
#pragma clang fp contract(off)
        const float directions[9][2] = {{1.0000, 0.0000},  {0.9397, 0.3420},  {0.7660, 0.6428},  {0.500, 0.8660},  {0.1736, 0.9848},
                                        {-0.1736, 0.9848}, {-0.5000, 0.8660}, {-0.7660, 0.6428}, {-0.9397, 0.3420}};
        std::vector<uint8_t> made(511 * 511);
        for (int gx = -255; gx <= 255; gx++)
            for (int gy = -255; gy <= 255; gy++) {
                const float fx = static_cast<float>(gx), fy = static_cast<float>(gy);
                float best_dot = 0;
                int best_o = 0;
                for (int o = 0; o < 9; o++) {
                    float dot = fx * directions[o][0] + fy * directions[o][1];
                    if (dot > best_dot) { best_dot = dot; best_o = o; }
                    dot *= -1;
                    if (dot > best_dot) { best_dot = dot; best_o = o + 9; }
                }
                made[static_cast<size_t>((gx + 255) * 511 + (gy + 255))] = static_cast<uint8_t>(best_o);
            }
        return made;
    }();
    return table.data();
}

namespace detail {
/// `impl_fhog::impl_extract_fhog_features` for a grey image and a cell size above 1.
inline void extract(const dlib::array2d<unsigned char> &img, dlib::array<dlib::array2d<float>> &hog, int cell_size,
                    int filter_rows_padding, int filter_cols_padding) {
#pragma clang fp contract(off)
    const int cells_nr = static_cast<int>(static_cast<float>(img.nr()) / static_cast<float>(cell_size) + 0.5);
    const int cells_nc = static_cast<int>(static_cast<float>(img.nc()) / static_cast<float>(cell_size) + 0.5);
    if (cells_nr == 0 || cells_nc == 0) { hog.clear(); return; }
    const int hog_nr = std::max(cells_nr - 2, 0);
    const int hog_nc = std::max(cells_nc - 2, 0);
    if (hog_nr == 0 || hog_nc == 0) { hog.clear(); return; }

    // 18 orientation bins a cell, with a cell of padding all round as in dlib.
    const size_t bins_row = static_cast<size_t>(cells_nc + 2) * 18;
    std::vector<float> hist(static_cast<size_t>(cells_nr + 2) * bins_row, 0.0f);
    std::vector<float> norm(static_cast<size_t>(cells_nr) * static_cast<size_t>(cells_nc), 0.0f);
    const int padding_rows_offset = (filter_rows_padding - 1) / 2;
    const int padding_cols_offset = (filter_cols_padding - 1) / 2;
    dlib::impl_fhog::init_hog(hog, hog_nr, hog_nc, filter_rows_padding, filter_cols_padding);
    const int visible_nr = static_cast<int>(std::min(static_cast<long>(cells_nr) * cell_size, img.nr())) - 1;
    const int visible_nc = static_cast<int>(std::min(static_cast<long>(cells_nc) * cell_size, img.nc())) - 1;
    const uint8_t *table = orientation_table();

    // dlib's 8-wide loop covers the columns [1, lanes_end); its scalar loop the rest, up to visible_nc.
    int lanes_end = 1;
    while (lanes_end < visible_nc - 7) lanes_end += 8;
    // Per column: the bin offset of its left cells and its two horizontal weights, each worked out as
    // dlib's loop that covers the column does.
    const size_t columns = static_cast<size_t>(visible_nc);
    std::vector<size_t> bin(columns);
    std::vector<float> wx0(columns), wx1(columns);
    for (int x = 1; x < lanes_end; x++) {
        const float xp = (static_cast<float>(x) + 0.5f) / static_cast<float>(cell_size) + 0.5f;
        const int ixp = static_cast<int>(xp);
        const float vx0 = xp - static_cast<float>(ixp);
        bin[x] = static_cast<size_t>(ixp) * 18;
        wx0[x] = vx0;
        wx1[x] = 1.0f - vx0;
    }
    for (int x = lanes_end; x < visible_nc; x++) {
        const float xp = (static_cast<double>(x) + 0.5) / static_cast<double>(cell_size) - 0.5;
        const int ixp = static_cast<int>(std::floor(xp));
        const float vx0 = xp - ixp;
        const float vx1 = 1.0 - vx0;
        bin[x] = static_cast<size_t>(ixp + 1) * 18;
        wx0[x] = vx0;
        wx1[x] = vx1;
    }

    std::vector<float> magnitude(columns);
    std::vector<uint8_t> direction(columns);
    for (int y = 1; y < visible_nr; y++) {
        const float yp = (static_cast<float>(y) + 0.5) / static_cast<float>(cell_size) - 0.5;
        const int iyp = static_cast<int>(std::floor(yp));
        const float vy0 = yp - iyp;
        const float vy1 = 1.0 - vy0;
        const unsigned char *up = &img[y - 1][0], *row = &img[y][0], *down = &img[y + 1][0];
        for (int c = 1; c < visible_nc; c++) {
            const int gx = static_cast<int>(row[c + 1]) - static_cast<int>(row[c - 1]);
            const int gy = static_cast<int>(down[c]) - static_cast<int>(up[c]);
            // Exact in float (at most 2 × 255²), as dlib's float products of the integer gradients are.
            magnitude[c] = static_cast<float>(gx * gx + gy * gy);
            direction[c] = table[(gx + 255) * 511 + (gy + 255)];
        }
        for (int c = 1; c < visible_nc; c++) magnitude[c] = std::sqrt(magnitude[c]);
        float *top = &hist[static_cast<size_t>(iyp + 1) * bins_row];
        float *bottom = top + bins_row;
        const auto add = [&](int c, float v11, float v01, float v10, float v00) {
            const size_t at = bin[c] + direction[c];
            top[at] += v11;
            bottom[at] += v01;
            top[at + 18] += v10;
            bottom[at + 18] += v00;
        };
        for (int c = 1; c < lanes_end; c++) {
            const float left = wx1[c] * magnitude[c], right = wx0[c] * magnitude[c];
            add(c, vy1 * left, vy0 * left, vy1 * right, vy0 * right);
        }
        for (int c = lanes_end; c < visible_nc; c++) {
            const float v = magnitude[c];
            add(c, vy1 * wx1[c] * v, vy0 * wx1[c] * v, vy1 * wx0[c] * v, vy0 * wx0[c] * v);
        }
    }

    // Each cell's energy, summed over the 9 unsigned orientations in dlib's order.
    for (int r = 0; r < cells_nr; ++r)
        for (int c = 0; c < cells_nc; ++c) {
            const float *h = &hist[static_cast<size_t>(r + 1) * bins_row + static_cast<size_t>(c + 1) * 18];
            float &energy = norm[static_cast<size_t>(r) * static_cast<size_t>(cells_nc) + static_cast<size_t>(c)];
            for (int o = 0; o < 9; o++) energy += (h[o] + h[o + 9]) * (h[o] + h[o + 9]);
        }

    // The 31 features of each cell, normalised by its 4 blocks (dlib's 4 vector lanes, here 4 floats).
    const float eps = 0.0001;
    const auto energy = [&](int r, int c) { return norm[static_cast<size_t>(r) * static_cast<size_t>(cells_nc) + static_cast<size_t>(c)]; };
    for (int y = 0; y < hog_nr; y++) {
        const int yy = y + padding_rows_offset;
        for (int c = 0; c < hog_nc; c++) {
            const float z1[4] = {energy(y + 1, c + 1), energy(y, c + 1), energy(y + 1, c), energy(y, c)};
            const float z2[4] = {energy(y + 1, c + 2), energy(y, c + 2), energy(y + 1, c + 1), energy(y, c + 1)};
            const float z3[4] = {energy(y + 2, c + 1), energy(y + 1, c + 1), energy(y + 2, c), energy(y + 1, c)};
            const float z4[4] = {energy(y + 2, c + 2), energy(y + 1, c + 2), energy(y + 2, c + 1), energy(y + 1, c + 1)};
            float nn[4], n[4], t[4] = {0, 0, 0, 0};
            for (int i = 0; i < 4; i++) {
                nn[i] = static_cast<float>(0.2) * std::sqrt(z1[i] + z2[i] + z3[i] + z4[i] + eps);
                n[i] = static_cast<float>(0.1) / nn[i];
            }
            const int xx = c + padding_cols_offset;
            const float *h = &hist[static_cast<size_t>(y + 2) * bins_row + static_cast<size_t>(c + 2) * 18];
            const auto normalised = [&](float value, float *lanes) {
                for (int i = 0; i < 4; i++) lanes[i] = std::min(value, nn[i]) * n[i];
                return (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
            };
            // Contrast-sensitive features, and the texture sums over them, 3 orientations at a time.
            for (int o = 0; o < 18; o += 3) {
                float h0[4], h1[4], h2[4];
                hog[o][yy][xx] = normalised(h[o], h0);
                hog[o + 1][yy][xx] = normalised(h[o + 1], h1);
                hog[o + 2][yy][xx] = normalised(h[o + 2], h2);
                for (int i = 0; i < 4; i++) t[i] = t[i] + ((h0[i] + h1[i]) + h2[i]);
            }
            for (int i = 0; i < 4; i++) t[i] = t[i] * static_cast<float>(2 * 0.2357);
            // Contrast-insensitive features.
            for (int o = 0; o < 9; o++) {
                float lanes[4];
                hog[o + 18][yy][xx] = normalised(h[o] + h[o + 9], lanes);
            }
            for (int i = 0; i < 4; i++) hog[27 + i][yy][xx] = t[i];
        }
    }
}
}  // namespace detail

/// `dlib::extract_fhog_features(img, hog, cell_size, filter_rows_padding, filter_cols_padding)` for a
/// grey image: the same 31 planes, bit for bit. A cell size of 1 is left to dlib.
inline void extract_fhog_features(const dlib::array2d<unsigned char> &img, dlib::array<dlib::array2d<float>> &hog, int cell_size,
                                  int filter_rows_padding, int filter_cols_padding) {
    if (cell_size == 1) {
        dlib::extract_fhog_features(img, hog, cell_size, filter_rows_padding, filter_cols_padding);
        return;
    }
    detail::extract(img, hog, cell_size, filter_rows_padding, filter_cols_padding);
    // As dlib: an image too small for a feature still gives 31 (empty) planes.
    if (hog.size() == 0) hog.resize(31);
}

/// dlib's default feature extractor for `scan_fhog_pyramid`, with grey images through the function
/// above; it reads and writes as dlib's (it has no state).
struct exact_fhog_extractor : dlib::default_fhog_feature_extractor {
    template <typename image_type>
    void operator()(const image_type &img, dlib::array<dlib::array2d<float>> &hog, int cell_size, int filter_rows_padding,
                    int filter_cols_padding) const {
        if constexpr (std::is_same_v<image_type, dlib::array2d<unsigned char>>)
            extract_fhog_features(img, hog, cell_size, filter_rows_padding, filter_cols_padding);
        else
            dlib::extract_fhog_features(img, hog, cell_size, filter_rows_padding, filter_cols_padding);
    }
};

}  // namespace cardbatch_fhog

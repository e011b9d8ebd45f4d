// Prefixed wrappers over jpeglib, whose API is built on macros Swift cannot call
// (jpeg_create_decompress) and on setjmp/longjmp error handling.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include "CJPEGInfo.h"

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char *message;
} error_manager;

static void on_error(j_common_ptr cinfo) {
    error_manager *manager = (error_manager *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, manager->message);
    longjmp(manager->jump, 1);
}

static void on_message(j_common_ptr cinfo) { (void)cinfo; }

static size_t be32(const unsigned char *p) {
    return ((size_t)p[0] << 24) | ((size_t)p[1] << 16) | ((size_t)p[2] << 8) | (size_t)p[3];
}

// The 'desc' tag of an ICC profile: type 'desc' (v2: ASCII) or 'mluc' (v4: first record, UTF-16BE).
// Every offset and size comes from the profile, so each is checked against what is left of the
// buffer by subtraction (never as a sum that could wrap) before any byte is read.
static void icc_description(const unsigned char *icc, size_t length, char *out, size_t capacity) {
    out[0] = 0;
    if (length < 132) return;
    size_t count = be32(icc + 128);
    size_t room = (length - 132) / 12;
    if (count > room) count = room;
    for (size_t i = 0; i < count; i++) {
        const unsigned char *entry = icc + 132 + 12 * i;
        if (memcmp(entry, "desc", 4) != 0) continue;
        size_t offset = be32(entry + 4), size = be32(entry + 8);
        if (offset > length || size > length - offset || size < 12) return;
        const unsigned char *tag = icc + offset;
        size_t n = 0;
        if (memcmp(tag, "desc", 4) == 0) {
            size_t chars = be32(tag + 8);
            for (size_t k = 0; k < chars && k < size - 12 && n + 1 < capacity && tag[12 + k]; k++) out[n++] = (char)tag[12 + k];
        } else if (memcmp(tag, "mluc", 4) == 0 && size >= 28) {
            size_t len = be32(tag + 20), off = be32(tag + 24);
            if (off > size) len = 0;
            else if (len > size - off) len = size - off;
            for (size_t k = 0; k + 1 < len && n + 1 < capacity; k += 2) {
                unsigned char hi = tag[off + k], lo = tag[off + k + 1];
                out[n++] = hi == 0 && lo < 128 ? (char)lo : '?';
            }
        }
        out[n] = 0;
        return;
    }
}

int cardbatch_jpeg_read_info(const unsigned char *data, unsigned long size, cardbatch_jpeg_info *info) {
    memset(info, 0, sizeof *info);
    struct jpeg_decompress_struct cinfo;
    error_manager errors;
    char message[JMSG_LENGTH_MAX];
    cinfo.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = on_error;
    errors.base.output_message = on_message;
    errors.message = message;
    if (setjmp(errors.jump)) {
        snprintf(info->error, sizeof info->error, "%s", message);
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.quant_tbl_ptrs[0] != NULL) {
        info->has_luma_table = 1;
        for (int i = 0; i < DCTSIZE2; i++) info->luma[i] = cinfo.quant_tbl_ptrs[0]->quantval[i];
    }
    JOCTET *icc = NULL;
    unsigned int icc_length = 0;  // jpeg_read_icc_profile's own type
    if (jpeg_read_icc_profile(&cinfo, &icc, &icc_length) && icc != NULL) {
        info->has_icc_profile = 1;
        info->icc_length = icc_length;
        icc_description(icc, icc_length, info->icc_description, sizeof info->icc_description);
        free(icc);
    }
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

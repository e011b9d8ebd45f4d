#ifndef CJPEGINFO_H
#define CJPEGINFO_H

/// What libjpeg reads of a JPEG's headers without decoding it: the luminance quantisation table
/// (natural order) and the embedded ICC colour profile's description.
typedef struct {
    int has_luma_table;
    unsigned short luma[64];
    int has_icc_profile;
    unsigned int icc_length;
    /// The profile's 'desc' text (ASCII), or empty when it has none.
    char icc_description[128];
    /// libjpeg's message when reading failed.
    char error[200];
} cardbatch_jpeg_info;

/// Reads `info` from the JPEG in `data`. Returns 0 on success, -1 with `info->error` set.
int cardbatch_jpeg_read_info(const unsigned char *data, unsigned long size, cardbatch_jpeg_info *info);

#endif

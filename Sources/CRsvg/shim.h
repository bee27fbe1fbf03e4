// librsvg (Debian: librsvg2-dev) renders the chart SVGs to PNG through cairo; fontconfig finds the CJK
// font the SVG's font stack names (Noto Sans CJK SC, Debian: fonts-noto-cjk).
// One small C entry point keeps glib's and cairo's APIs out of the Swift code.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
} disclose_png_buffer;

static cairo_status_t disclose_png_append(void *closure, const unsigned char *data, unsigned int length) {
    disclose_png_buffer *buffer = (disclose_png_buffer *)closure;
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->data, capacity);
        if (!grown) return CAIRO_STATUS_NO_MEMORY;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, data, length);
    buffer->length += length;
    return CAIRO_STATUS_SUCCESS;
}

/// Renders `svg` into a `pixel_width` × `pixel_height` PNG (the SVG's viewBox scaled to fit).
/// Returns 0 and sets *png (malloc'd; the caller frees it) and *png_length, or a non-zero error:
/// 1 unreadable SVG, 2 rendering failed, 3 PNG encoding failed.
static inline int disclose_svg_to_png(const char *svg, size_t svg_length, int pixel_width, int pixel_height,
                                      unsigned char **png, size_t *png_length) {
    GError *error = NULL;
    *png = NULL;
    *png_length = 0;
    RsvgHandle *handle = rsvg_handle_new_from_data((const guint8 *)svg, (gsize)svg_length, &error);
    if (!handle) {
        if (error) g_error_free(error);
        return 1;
    }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
    cairo_t *cr = cairo_create(surface);
    RsvgRectangle viewport = {0, 0, (double)pixel_width, (double)pixel_height};
    gboolean rendered = rsvg_handle_render_document(handle, cr, &viewport, &error);
    if (error) g_error_free(error);
    int status = 0;
    if (!rendered) {
        status = 2;
    } else {
        disclose_png_buffer buffer = {NULL, 0, 0};
        cairo_surface_flush(surface);
        if (cairo_surface_write_to_png_stream(surface, disclose_png_append, &buffer) != CAIRO_STATUS_SUCCESS) {
            free(buffer.data);
            status = 3;
        } else {
            *png = buffer.data;
            *png_length = buffer.length;
        }
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    g_object_unref(handle);
    return status;
}

/**
 * Sentinel-2 products and band stacks on the 10 m grid: metadata, windowed band reads, reflectance,
 * GeoTIFF and JPEG2000 writing; the only package that talks to GDAL.
 */
package dev.s2v.raster;

#pragma once
// The drawing vocabulary of the suite. Every image is a list of Items painted in order, followed by
// pixel effects (lighting, noise, blur, copy-move, blanking). The list and the effects are stored in
// the sample's scene description, so the same image can be re-rendered from the description alone
// (tests do this), and per-pixel labels (object, colour, shape, texture, depth, marker) can be
// rasterised from it (patch_targets.h).
//
// Painting is done WITHOUT antialiasing and only with opaque colours: every pixel then has exactly
// one of the colours named in the description (pixel tests compare exactly), and the raster engine
// never takes its CPU-dependent blending paths, which keeps the bytes identical across machines.

#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPolygonF>
#include <QRectF>
#include <QStringList>
#include <vector>

namespace ts::tasks {

// Object palette (index = colour label). Marker colours are separate and never used for objects.
struct PaletteColour {
    const char *name;
    QRgb rgb;
};
const std::vector<PaletteColour> &palette();
QString colourName(int colour);
QRgb colourRgb(int colour);

enum class Shape { Circle, Square, Triangle, Diamond, Hexagon, Star, Count };
QString shapeName(int shape);
QString shapePlural(int shape);

enum class Texture { Solid, Stripes, Dots, Checks, Hatching, Count };
QString textureName(int texture);

// Marker letters: 0 = A red, 1 = B blue, 2 = C green, 3 = D yellow.
QRgb markerRgb(int letter);
QString markerColourName(int letter);
QString letter(int index); // "A".."D"
// Filled discs at easy levels, rings at harder ones (questions always name the colour).
enum class MarkerStyle { Disc, Ring };

enum class Role { Background, Ground, Object, Part, Panel, Shadow, Marker, Box };
QString roleName(Role role);

struct Item {
    enum Kind { Rect, Ellipse, Polygon, Polyline };
    Kind kind = Polygon;
    Role role = Role::Object;
    QRectF rect;           // Rect / Ellipse (before rotation about its centre)
    double rotation = 0;   // degrees, Rect / Ellipse
    QPolygonF points;      // Polygon / Polyline, pixels
    bool filled = true;
    QRgb fill = 0xff000000;
    int texture = 0;       // Texture; drawn in textureColour over fill, anchored at the bounding box
    QRgb textureColour = 0xff000000;
    double texturePeriod = 4;
    QRgb stroke = 0xff000000;
    double strokeWidth = 0; // 0 = no outline; Polyline uses it as the line width
    // Labels (−1 = none). object ids are shared between the views of one scene.
    int object = -1;
    int colour = -1;
    int shape = -1;
    int depth = -1; // depth bin 0 (near) .. 3 (far)
    int marker = -1;
    int part = -1; // tool/animal part role where a task has parts

    QRectF bounds() const;
    QPointF centre() const;
};

// Shapes as items; r is the half-size (circumradius) in pixels.
Item makeShape(int shape, QPointF centre, double r, double rotationDeg, QRgb fill);
Item makeRect(const QRectF &rect, QRgb fill, Role role = Role::Background);
Item makeMarker(int letter, QPointF at, double radius, MarkerStyle style);
Item makeBox(int letter, const QRectF &box, double width);
Item makePolyline(const QPolygonF &pts, double width, QRgb colour, Role role = Role::Part);

// One image of a sample as the description stores it.
struct SceneImage {
    std::vector<Item> items;
    QJsonArray effects;   // applied after the items, in order (see applyEffect)
    std::vector<Item> overlay; // drawn after the effects: markers and boxes keep their exact colours
    QJsonObject crop;     // non-empty: this image is a crop of an earlier image's items
};

// A sample's whole description in structured form: the header (task, split, index, seed, level,
// size, facts) and one SceneImage per image. Generators produce this; the JSON form is built from it
// only when someone asks (TaskSample::scene()), because building JSON cost as much as rendering.
struct SceneDescription {
    QJsonObject header;
    std::vector<SceneImage> images;
    int size() const { return header.value(QStringLiteral("size")).toInt(64); }
    QJsonObject toJson() const;                       // header fields + "images"
    static SceneDescription fromJson(const QJsonObject &scene);
};

// items → effects → overlay, as generators and re-rendering both do.
QImage renderSceneImage(const SceneImage &img, int size);

QImage renderItems(const std::vector<Item> &items, int size); // Format_RGB32
void paintItem(class QPainter &p, const Item &item);

QJsonObject itemToJson(const Item &item);
Item itemFromJson(const QJsonObject &o);
QJsonObject sceneImageToJson(const SceneImage &img);
SceneImage sceneImageFromJson(const QJsonObject &o);

// Effects (pixel operations recorded in the description, all in integer/double code of our own so
// that they are bit-identical everywhere):
//  {"type":"light","base":b,"gx":gx,"gy":gy,"shadows":[[x,y,...],...],"shadowFactor":f}
//  {"type":"noise","seed":s,"sigma":σ,"rect":[x,y,w,h]}      additive grey noise inside rect
//  {"type":"blur","radius":r,"rect":[x,y,w,h]}                box blur inside rect
//  {"type":"copymove","from":[x,y,w,h],"to":[x,y]}            copy a block within the image
//  {"type":"blank","rect":[x,y,w,h],"colour":"#rrggbb"}       fill a block with one colour
void applyEffect(QImage &img, const QJsonObject &effect);
// Light factor at a pixel centre for a "light" effect (what the renderer multiplied by).
double lightFactorAt(const QJsonObject &lightEffect, double x, double y, const QImage *shadowMask = nullptr);
QImage shadowMask(const QJsonObject &lightEffect, int size); // white where shadowed

// Re-renders image `k` of a sample from its description (crops resolved against earlier images).
QImage renderFromDescription(const SceneDescription &scene, int k);
QImage renderFromDescription(const QJsonObject &scene, int k, int size);

QJsonArray rectJson(const QRectF &r);
QRectF rectFromJson(const QJsonValue &v);
QJsonArray pointJson(QPointF p);
QPointF pointFromJson(const QJsonValue &v);
QString rgbHex(QRgb c);

} // namespace ts::tasks

from directory.search.geography import area_rule, locate, miles_between, place_named_in


def test_full_postcodes_and_districts_are_located_however_they_are_typed() -> None:
    full = locate("s8 0zb")
    assert full is not None and full.label == "S8 0ZB" and full.district == "S8"
    district = locate("near S11 please")
    assert district is not None and district.label == "S11"
    assert locate("no postcode here") is None


def test_distances_between_sheffield_districts_are_a_few_miles() -> None:
    s8, s6 = locate("S8"), locate("S6")
    assert s8 and s6
    assert 2 < miles_between((s8.lat, s8.lon), (s6.lat, s6.lon)) < 6


def test_service_areas_limit_who_a_service_is_for() -> None:
    s8, s6, leeds = locate("S8"), locate("S6 2LH"), locate("LS1")
    assert s8 and s6 and leeds
    sheffield = area_rule([{"name": "Sheffield"}])
    assert sheffield and sheffield(s8) and not sheffield(leeds)
    listed = area_rule([{"name": "S6, S35"}])
    assert listed and listed(s6) and not listed(s8)
    assert area_rule([{"name": "England and Wales"}]) is None
    assert area_rule([{"name": "anyone who asks nicely"}]) is None


def test_and_nearby_reaches_the_neighbouring_districts_but_not_the_far_side() -> None:
    rule = area_rule([{"name": "S8 and nearby"}])
    s7, s8, s35 = locate("S7"), locate("S8"), locate("S35")
    assert rule and s7 and s8 and s35
    assert rule(s8) and rule(s7) and not rule(s35)


def test_a_geojson_polygon_extent_is_honoured() -> None:
    box = '{"type": "Polygon", "coordinates": [[[-1.6, 53.3], [-1.4, 53.3], [-1.4, 53.4], [-1.6, 53.4], [-1.6, 53.3]]]}'  # noqa: E501
    rule = area_rule([{"extent": box, "extent_type": "geojson"}])
    inside, outside = locate("S8"), locate("LS1")
    assert rule and inside and outside and rule(inside) and not rule(outside)


def test_sheffield_neighbourhoods_in_free_text_are_places() -> None:
    place = place_named_in("anything on in Stocksbridge on a saturday")
    assert place is not None and place.label == "Stocksbridge" and place.district == "S36"
    assert place_named_in("lunch in Parson Cross").district == "S5"  # type: ignore[union-attr]
    assert place_named_in("nothing local here") is None

// The region table: every English authority with children's services once, under one of the nine ONS regions,
// found however a report, a sidecar or Ofsted's file prints its name; an unknown name has no region.

import assert from 'node:assert/strict';
import { ENGLISH_REGIONS, knownAuthorities, regionKey, regionOf } from '../../../src/core/vocabulary/regions';

describe('Regions of English local authorities', () => {
  it('finds a council however the reports print its name', () => {
    const cases: Array<[string, string]> = [
      ['Bristol, City of', 'South West'],
      ['Bristol City Council', 'South West'],
      ['City of York', 'Yorkshire and The Humber'],
      ['City of York Council', 'Yorkshire and The Humber'],
      ['Kingston upon Hull City Council', 'Yorkshire and The Humber'],
      ['Hull', 'Yorkshire and The Humber'],
      ['St Helens', 'North West'],
      ['St. Helens Borough Council', 'North West'],
      ['Herefordshire, County of', 'West Midlands'],
      ['Herefordshire Council', 'West Midlands'],
      ['Council of the Isles of Scilly', 'South West'],
      ['Telford & Wrekin', 'West Midlands'],
      ['Royal Borough of Windsor and Maidenhead', 'South East'],
      ['windsor & maidenhead', 'South East'],
      ['London Borough of Tower Hamlets', 'London'],
      ['Royal Borough of Kensington and Chelsea', 'London'],
      ['City of London Corporation', 'London'],
      ['london corporation', 'London'],
      ['Durham County Council', 'North East'],
      ['County Durham', 'North East'],
      ['Stockton-on-Tees Borough Council', 'North East'],
      ['Southend-on-Sea City Council', 'East of England'],
      ['City of Bradford Metropolitan District Council', 'Yorkshire and The Humber'],
      ['Bradford Children and Families Trust', 'Yorkshire and The Humber'],
      ["Trafford Council's", 'North West'],
      ["Medway Children's Services", 'South East'],
      ['Newcastle', 'North East'],
      ['NORTH YORKSHIRE COUNCIL', 'Yorkshire and The Humber'],
      ['Cumberland Council', 'North West'],
      ['Westmorland and Furness Council', 'North West'],
      ['Buckinghamshire Council', 'South East'],
      ['Dorset Council', 'South West'],
      ['Bournemouth, Christchurch and Poole Council', 'South West'],
      ['BCP', 'South West'],
      ['North Northamptonshire', 'East Midlands'],
      ['Nottingham City Council', 'East Midlands'],
      ['Leicester City', 'East Midlands'],
    ];
    for (const [name, region] of cases) assert.equal(regionOf(name), region, name);
  });

  it('tells the London boroughs apart from the places they share words with', () => {
    assert.equal(regionOf('Kingston upon Thames'), 'London');
    assert.equal(regionOf('Kingston upon Hull'), 'Yorkshire and The Humber');
    assert.equal(regionOf('Richmond upon Thames'), 'London');
    assert.equal(regionOf('North Somerset'), 'South West');
    assert.equal(regionOf('North Lincolnshire'), 'Yorkshire and The Humber');
    assert.equal(regionOf('Lincolnshire'), 'East Midlands');
  });

  it('has no region for a name it does not know, or none at all', () => {
    for (const name of ['Westmere', 'Harbourside City Council', 'Kingsbridge', '', '   ', 'London', 'City of']) assert.equal(regionOf(name), undefined, name);
    assert.equal(regionOf(undefined), undefined);
  });

  it('lists each council once, in one of the nine regions, with London\'s 33 and 153 councils today', () => {
    const all = knownAuthorities();
    const keys = all.map((a) => regionKey(a.name));
    assert.equal(new Set(keys).size, keys.length, 'no council is listed twice');
    assert.ok(all.every((a) => (ENGLISH_REGIONS as readonly string[]).includes(a.region)));
    assert.equal(all.filter((a) => a.region === 'London').length, 33);
    // Councils since replaced by a merger stay for older reports: Cumbria, Northamptonshire, Bournemouth, Poole.
    const replaced = ['Cumbria', 'Northamptonshire', 'Bournemouth', 'Poole'];
    assert.equal(all.length - replaced.length, 153);
    for (const a of all) assert.equal(regionOf(a.name), a.region, a.name);
  });
});

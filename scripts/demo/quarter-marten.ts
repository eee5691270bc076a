/** Marten in the west (Lütgendortmund), along the Martener Straße and the Steinhammerstraße. */
import type { DemoQuarter } from './quarters.ts';

export const MARTEN: DemoQuarter = {
  id: 'marten',
  name: 'Marten',
  postcode: '44379',
  // Counter-clockwise from the south-west corner at the Hövischestraße.
  outline: [
    [7.3528, 51.5],
    [7.358, 51.4985],
    [7.3645, 51.4988],
    [7.372, 51.499],
    [7.379, 51.4982],
    [7.3855, 51.4972],
    [7.3915, 51.4985],
    [7.395, 51.5005],
    [7.3912, 51.5035],
    [7.3888, 51.5072],
    [7.39, 51.5093],
    [7.3945, 51.5108],
    [7.3962, 51.5125],
    [7.3912, 51.5128],
    [7.3875, 51.5155],
    [7.383, 51.5162],
    [7.3765, 51.5152],
    [7.3728, 51.5133],
    [7.3705, 51.5102],
    [7.3655, 51.5066],
    [7.362, 51.505],
    [7.3598, 51.5045],
    [7.3525, 51.504],
  ],
  streets: [
    {
      name: 'Martener Straße',
      path: [
        [7.3892, 51.5091],
        [7.3851, 51.5096],
        [7.3801, 51.5102],
        [7.3743, 51.508],
        [7.369, 51.506],
        [7.3624, 51.5039],
        [7.356, 51.5037],
      ],
      numbers: [261, 545],
      main: true,
    },
    {
      name: 'Steinhammerstraße',
      path: [
        [7.3786, 51.5098],
        [7.3785, 51.5079],
        [7.3772, 51.5061],
        [7.3766, 51.504],
        [7.3737, 51.5026],
        [7.3692, 51.5005],
      ],
      numbers: [1, 105],
      main: true,
    },
    {
      name: 'Germaniastraße',
      path: [
        [7.3708, 51.5015],
        [7.3663, 51.5046],
        [7.3707, 51.5092],
        [7.3745, 51.512],
      ],
      numbers: [2, 60],
      main: false,
    },
    {
      name: 'Wischlinger Weg',
      path: [
        [7.3902, 51.5128],
        [7.3882, 51.5123],
        [7.3842, 51.5104],
      ],
      numbers: [190, 263],
      main: false,
    },
    {
      name: 'In der Meile',
      path: [
        [7.3821, 51.5095],
        [7.3822, 51.5069],
        [7.386, 51.502],
      ],
      numbers: [1, 120],
      main: false,
    },
    {
      name: 'Overhoffstraße',
      path: [
        [7.3799, 51.5079],
        [7.3805, 51.5059],
        [7.3793, 51.503],
        [7.381, 51.4998],
      ],
      numbers: [1, 56],
      main: false,
    },
    {
      name: 'Bärenbruch',
      path: [
        [7.3794, 51.5104],
        [7.3795, 51.5115],
        [7.3769, 51.513],
        [7.3769, 51.5142],
        [7.3798, 51.5155],
      ],
      numbers: [2, 67],
      main: false,
    },
    {
      name: 'Martener Hellweg',
      path: [
        [7.3915, 51.5023],
        [7.389, 51.5016],
        [7.3812, 51.5002],
      ],
      numbers: [59, 100],
      main: false,
    },
    {
      name: 'Lina-Schäfer-Straße',
      path: [
        [7.3641, 51.5043],
        [7.3628, 51.5021],
        [7.3574, 51.5014],
        [7.3542, 51.5028],
      ],
      numbers: [1, 91],
      main: false,
    },
    {
      name: 'Hövischestraße',
      path: [
        [7.3601, 51.5001],
        [7.3558, 51.5011],
      ],
      numbers: [2, 90],
      main: false,
    },
    {
      name: 'Schulte-Heuthaus-Straße',
      path: [
        [7.3886, 51.5086],
        [7.383, 51.5084],
        [7.3804, 51.5081],
      ],
      numbers: [2, 62],
      main: false,
    },
    {
      name: 'Auf der Kiste',
      path: [
        [7.3743, 51.5047],
        [7.3768, 51.5051],
        [7.3763, 51.5064],
      ],
      numbers: [2, 86],
      main: false,
    },
    {
      name: 'Kaspar-Schulte-Straße',
      path: [
        [7.3677, 51.5028],
        [7.3637, 51.5009],
        [7.3612, 51.4998],
      ],
      numbers: [3, 76],
      main: false,
    },
    {
      name: 'Altenrathstraße',
      path: [
        [7.3819, 51.5113],
        [7.3845, 51.515],
      ],
      numbers: [1, 51],
      main: false,
    },
  ],
  zones: {
    // South of the Martener Straße towards the Martener Hellweg: no grocery store within walking distance.
    south: { id: 'south', contains: ([lon, lat]) => lat < 51.5045 && lon > 7.366 },
    // The settlement around the Lina-Schäfer-Straße: neither groceries nor a GP.
    west: { id: 'west', contains: ([lon]) => lon < 7.366 },
    north: { id: 'north', contains: ([, lat]) => lat > 51.5115 },
  },
  density: {
    base: 3,
    peaks: [
      { at: [7.379, 51.5085], peak: 55, sigmaM: 330 },
      { at: [7.362, 51.5022], peak: 50, sigmaM: 280 },
      { at: [7.372, 51.505], peak: 42, sigmaM: 280 },
      { at: [7.387, 51.512], peak: 36, sigmaM: 280 },
      { at: [7.388, 51.501], peak: 22, sigmaM: 280 },
    ],
  },
};
